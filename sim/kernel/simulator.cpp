// SPDX-License-Identifier: Apache-2.0
#include "tracesim/kernel/simulator.hpp"

#include <string>
#include <utility>

namespace tracesim::kernel {

EventBudgetExceeded::EventBudgetExceeded(std::uint64_t budget, SimTime at)
    : std::runtime_error("event budget exhausted: more than " + std::to_string(budget) +
                         " events by simulated time " + std::to_string(ms_of(at)) +
                         " ms; the scenario is running away, or raise the budget if the run is "
                         "genuinely this large"),
      budget_{budget},
      at_{at} {}

Simulator::Simulator() {
  heap_.reserve(1024);
  slots_.reserve(1024);
  free_slots_.reserve(1024);
}

EventId Simulator::schedule_at(SimTime at, Phase phase, std::uint16_t kind, std::uint32_t entity,
                               std::uint32_t data) {
  if (at < now_) {
    throw std::invalid_argument("schedule_at: time " + std::to_string(ms_of(at)) +
                                " ms is before now (" + std::to_string(ms_of(now_)) + " ms)");
  }
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(0);
    // pop() returns every slot to free_slots_; size it with the slot table so
    // that pop never allocates.
    if (free_slots_.capacity() < slots_.capacity()) free_slots_.reserve(slots_.capacity());
  }
  const std::uint64_t seq = next_seq_++;
  slots_[slot] = seq;
  const std::uint64_t key = (static_cast<std::uint64_t>(phase) << kSeqBits) | (seq & kSeqMask);
  heap_.push_back(Entry{at, key, slot, kind, entity, data});
  sift_up(heap_.size() - 1);
  return EventId{slot, seq};
}

bool Simulator::cancel(EventId id) noexcept {
  if (id.seq == 0 || id.slot >= slots_.size() || slots_[id.slot] != id.seq) return false;
  slots_[id.slot] = 0;
  return true;
}

bool Simulator::pop(Event& out) noexcept {
  const Entry top = heap_.front();
  heap_.front() = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(0);
  const bool live = slots_[top.slot] == (top.key & kSeqMask);
  slots_[top.slot] = 0;
  free_slots_.push_back(top.slot);  // capacity reserved by schedule: never reallocates here
  if (!live) return false;
  out.time = top.time;
  out.phase = static_cast<Phase>(top.key >> kSeqBits);
  out.kind = top.kind;
  out.entity = top.entity;
  out.data = top.data;
  return true;
}

void Simulator::sift_up(std::size_t i) noexcept {
  const Entry moving = heap_[i];
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!before(moving, heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = moving;
}

void Simulator::sift_down(std::size_t i) noexcept {
  const std::size_t n = heap_.size();
  const Entry moving = heap_[i];
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    Order best_order = order(heap_[first]);
    const std::size_t last = first + 4 < n ? first + 4 : n;
    for (std::size_t c = first + 1; c < last; ++c) {
      const Order o = order(heap_[c]);
      const bool smaller = o < best_order;
      best = smaller ? c : best;  // conditional moves, not branches
      best_order = smaller ? o : best_order;
    }
    if (!(best_order < order(moving))) break;
    heap_[i] = heap_[best];
    i = best;
  }
  heap_[i] = moving;
}

}  // namespace tracesim::kernel
