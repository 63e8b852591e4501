// SPDX-License-Identifier: Apache-2.0
#include "back_office.hpp"

#include <algorithm>
#include <cmath>

#include "arrivals.hpp"
#include "tracesim/kernel/assert.hpp"
#include "tracesim/kernel/rng.hpp"

namespace tracesim::model::detail {

BackOffice::BackOffice() {
  items_.reserve(256);
  free_.reserve(256);
}

void BackOffice::add(std::uint16_t kind, std::int64_t deadline_ms, std::uint32_t item) {
  if (queues_.size() <= kind) queues_.resize(kind + 1u);
  Queue& q = queues_[kind];
  const std::uint64_t seq = next_seq_++;
  if (q.empty() || q.back().deadline_ms <= deadline_ms)  // a later seq: after an equal deadline
    q.emplace_back(deadline_ms, seq, item);
  else  // restored out of order: keep the queue sorted
    q.insert_sorted(Entry{deadline_ms, seq, item});
  ++waiting_;
}

std::uint32_t BackOffice::born(const std::vector<BackOfficeRule>& rules, std::uint64_t key, TaskType type,
                               SimTime now) {
  std::uint32_t count = 0;
  for (std::size_t k = 0; k < rules.size(); ++k) {
    const BackOfficeRule& rule = rules[k];
    const double expected = rule.per_task[index_of(type)];
    if (expected <= 0) continue;
    kernel::KeyedEngine rng{kernel::combine(kernel::combine(key, static_cast<std::uint32_t>(Stream::BackOffice)), k)};
    const double whole = std::floor(expected);
    const double fraction = expected - whole;
    auto n = static_cast<std::uint32_t>(whole);
    if (fraction > 0 && rng.uniform01() < fraction) ++n;
    for (std::uint32_t j = 0; j < n; ++j) {
      const std::uint32_t i = take_slot(items_, free_);
      BackOfficeItem& it = items_[i];
      it.created = now;
      it.deadline = now + rule.deadline;
      it.work = rule.work(rng);
      it.kind = static_cast<std::uint16_t>(k);
      it.live = true;
      add(it.kind, kernel::ms_of(it.deadline), i);
    }
    count += n;
  }
  return count;
}

std::vector<std::uint32_t> BackOffice::waiting_in_order() const {
  std::vector<Entry> waiting;
  waiting.reserve(waiting_);
  for (const Queue& q : queues_) waiting.insert(waiting.end(), q.begin(), q.end());
  std::sort(waiting.begin(), waiting.end(), [](const Entry& a, const Entry& b) { return a.seq < b.seq; });
  std::vector<std::uint32_t> out;
  out.reserve(waiting.size());
  for (const Entry& e : waiting) out.push_back(e.item);
  return out;
}

void BackOffice::restore(SimTime created, SimTime deadline, Duration work, std::uint16_t kind) {
  const std::uint32_t i = take_slot(items_, free_);
  BackOfficeItem& it = items_[i];
  it.created = created;
  it.deadline = deadline;
  it.work = work;
  it.kind = kind;
  it.live = true;
  add(kind, kernel::ms_of(it.deadline), i);
}

std::uint32_t BackOffice::take() {
  if (waiting_ == 0) return kNone;
  Queue* best = nullptr;  // the kind whose first item has the earliest (deadline, birth)
  for (Queue& q : queues_)
    if (!q.empty() && (best == nullptr || q.front() < best->front())) best = &q;
  const std::uint32_t i = best->front().item;
  best->pop_front();
  --waiting_;
  TRACESIM_ASSERT(items_[i].live && !items_[i].in_hand, "a back-office item was taken twice");
  items_[i].in_hand = true;
  return i;
}

bool BackOffice::finish(std::uint32_t i, SimTime now) {
  BackOfficeItem& it = items_[i];
  TRACESIM_ASSERT(it.live && it.in_hand, "a back-office item ended that was not in hand");
  it.live = false;
  it.in_hand = false;
  free_.push_back(i);
  return now > it.deadline;
}

std::uint64_t BackOffice::pending() const noexcept {
  return static_cast<std::uint64_t>(
      std::count_if(items_.begin(), items_.end(), [](const BackOfficeItem& it) { return it.live; }));
}

}  // namespace tracesim::model::detail
