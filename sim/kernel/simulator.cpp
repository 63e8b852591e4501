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
  if (ms_of(at) > kMaxTimeMs) {
    throw std::invalid_argument("schedule_at: time " + std::to_string(ms_of(at)) +
                                " ms is beyond the latest the event queue holds (" +
                                std::to_string(kMaxTimeMs) + " ms, about 139 years)");
  }
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
    // pop() returns every slot to free_slots_; size it with the slot table so
    // that pop never allocates.
    if (free_slots_.capacity() < slots_.capacity()) free_slots_.reserve(slots_.capacity());
  }
  // 2^52 sequences: at a billion events a second, 52 days of events in one run.
  const std::uint64_t seq = next_seq_++ & kSeqMask;
  slots_[slot] = Slot{seq, kind, entity, data};
  const Entry entry = (static_cast<Entry>(static_cast<std::uint64_t>(ms_of(at))) << kTimeShift) |
                      (static_cast<Entry>(static_cast<std::uint64_t>(phase) & 3u) << kPhaseShift) |
                      (static_cast<Entry>(seq) << kSeqShift) | slot;
  heap_.push_back(entry);
  sift_up(heap_.size() - 1);
  return EventId{slot, seq};
}

bool Simulator::cancel(EventId id) noexcept {
  if (id.seq == 0 || id.slot >= slots_.size() || slots_[id.slot].seq != id.seq) return false;
  slots_[id.slot].seq = 0;
  return true;
}

bool Simulator::pop(Event& out) noexcept {
  const Entry top = heap_.front();
  const Entry last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) {
    heap_.front() = last;
    sift_down(0);
  }
  Slot& slot = slots_[slot_of(top)];
  const bool live = slot.seq == seq_of(top);
  slot.seq = 0;
  free_slots_.push_back(slot_of(top));  // capacity reserved by schedule: never reallocates here
  if (!live) return false;
  out.time = at_ms(time_of(top));
  out.phase = phase_of(top);
  out.kind = slot.kind;
  out.entity = slot.entity;
  out.data = slot.data;
  return true;
}

void Simulator::sift_up(std::size_t i) noexcept {
  Entry* const h = heap_.data();
  const Entry moving = h[i];
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!(moving < h[parent])) break;
    h[i] = h[parent];
    i = parent;
  }
  h[i] = moving;
}

void Simulator::sift_down(std::size_t i) noexcept {
  Entry* const h = heap_.data();
  const std::size_t n = heap_.size();
  const Entry moving = h[i];
  for (;;) {
    const std::size_t first = 4 * i + 1;
    std::size_t best = first;
    Entry best_entry;
    if (first + 4 <= n) {
      // Four children: a tournament whose winners are indices computed with
      // arithmetic, so the compiler emits no data-dependent branch (a branch here
      // is mispredicted about half the time).
      const std::size_t a = first + static_cast<std::size_t>(h[first + 1] < h[first]);
      const std::size_t b = first + 2 + static_cast<std::size_t>(h[first + 3] < h[first + 2]);
      const std::size_t b_wins = std::size_t{0} - static_cast<std::size_t>(h[b] < h[a]);
      best = a ^ ((a ^ b) & b_wins);
      best_entry = h[best];
    } else {
      if (first >= n) break;
      best_entry = h[first];
      for (std::size_t c = first + 1; c < n; ++c) {
        const bool smaller = h[c] < best_entry;
        best = smaller ? c : best;
        best_entry = smaller ? h[c] : best_entry;
      }
    }
    if (!(best_entry < moving)) break;
    h[i] = best_entry;
    i = best;
  }
  h[i] = moving;
}

}  // namespace tracesim::kernel
