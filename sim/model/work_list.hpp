// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "detail/run_queue.hpp"
#include "tracesim/model/config.hpp"

// The outbound work list of one replication (private to the model).
namespace tracesim::model::detail {

/// The outbound work list: one queue per (priority rank, task type). Within a
/// queue the discipline orders entries (FIFO, LIFO or earliest deadline first),
/// ties broken by insertion order. Entries are removed lazily: the caller's
/// `live` predicate rejects stale ones when they reach the top.
class WorkList {
 public:
  void configure(std::size_t ranks, Discipline order, bool index_before_contacts) {
    queues_.assign(ranks * kTaskTypes, {});
    holding_.assign((queues_.size() + 63) / 64, 0);
    order_ = order;
    index_first_ = index_before_contacts;
  }

  /// Adds task `task` (generation `gen`) with its deadline in ms.
  void push(std::size_t rank, TaskType type, std::int64_t deadline_ms, std::uint32_t task,
            std::uint32_t gen) {
    const std::uint64_t seq = next_seq_++;
    Entry e{0, seq, task, gen};
    switch (order_) {
      case Discipline::Fifo: e.primary = 0; break;
      case Discipline::Lifo: e.primary = -static_cast<std::int64_t>(seq); break;
      case Discipline::EarliestDeadlineFirst: e.primary = deadline_ms; break;
    }
    const std::size_t at = rank * kTaskTypes + index_of(type);
    queues_[at].push(e);
    holding_[at / 64] |= std::uint64_t{1} << (at % 64);
  }

  /// The live entries' tasks in the order they were added (saved in a snapshot):
  /// pushed again in this order, they keep their order among themselves.
  template <class Live>
  [[nodiscard]] std::vector<std::uint32_t> live_in_order(Live&& live) const {
    std::vector<Entry> all;
    for (const Queue& q : queues_)
      q.for_each([&](const Entry& e) {
        if (live(e.task, e.gen)) all.push_back(e);
      });
    std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) { return a.seq < b.seq; });
    std::vector<std::uint32_t> out;
    out.reserve(all.size());
    for (const Entry& e : all) out.push_back(e.task);
    return out;
  }

  /// What pop_best returns when no allowed task is live.
  static constexpr std::uint32_t kNoTask = ~std::uint32_t{0};

  /// Removes and returns the best live task among the allowed types, scanning
  /// ranks in order; kNoTask if none. (A plain number, not an optional: the
  /// optional's flag, written as a byte and read back with its value, stalled
  /// the processor on the agents' hottest path.)
  template <class Live>
  std::uint32_t pop_best(const std::array<bool, kTaskTypes>& allowed, Live&& live) {
    // Only the ranks with a queue holding entries are looked at, the lowest first.
    for (std::size_t word = 0; word < holding_.size(); ++word) {
      for (std::uint64_t left = holding_[word]; left != 0;) {
        const std::size_t r = (word * 64 + static_cast<std::size_t>(__builtin_ctzll(left))) / kTaskTypes;
        if (const std::uint32_t task = pop_best_of_rank(r, allowed, live); task != kNoTask) return task;
        const std::size_t next = (r + 1) * kTaskTypes % 64;  // the next rank's first queue in this word
        left = next == 0 ? 0 : left & ~((std::uint64_t{1} << next) - 1);
      }
    }
    return kNoTask;
  }

 private:
  struct Entry {
    std::int64_t primary;
    std::uint64_t seq;
    std::uint32_t task;
    std::uint32_t gen;
  };
  // Heap comparator: true if a comes after b (std heaps keep the max on top). A
  // function object, not a function pointer, so the heap algorithms inline it.
  struct After {
    bool operator()(const Entry& a, const Entry& b) const noexcept {
      return a.primary > b.primary || (a.primary == b.primary && a.seq > b.seq);
    }
  };

  // One (rank, type)'s entries. Under earliest deadline first most arrive in
  // order (a deadline is a fixed delay after the task's arrival; a retry keeps
  // its earlier one), and under FIFO all do: those wait in a run, added and
  // taken in constant time, and only the others in a heap. The top is the
  // earlier of the run's first and the heap's top: entries leave in the same
  // order as from one heap holding them all.
  struct Queue {
    RunQueue<Entry> run;      // the entries that came in order
    std::vector<Entry> heap;  // the others

    [[nodiscard]] bool empty() const noexcept { return run.empty() && heap.empty(); }
    [[nodiscard]] bool top_in_run() const noexcept {
      return heap.empty() || (!run.empty() && After{}(heap.front(), run.front()));
    }
    [[nodiscard]] const Entry& top() const noexcept { return top_in_run() ? run.front() : heap.front(); }

    void push(const Entry& e) {
      if (run.empty() || !After{}(run.back(), e)) {
        run.push_back(e);
      } else {
        heap.push_back(e);
        std::push_heap(heap.begin(), heap.end(), After{});
      }
    }
    void pop() noexcept {
      if (top_in_run()) {
        run.pop_front();
      } else {
        std::pop_heap(heap.begin(), heap.end(), After{});
        heap.pop_back();
      }
    }
    template <class F>
    void for_each(F&& f) const {
      for (const Entry& e : run) f(e);
      for (const Entry& e : heap) f(e);
    }
  };

  // The best live entry of rank `r` among the allowed types, removed; dead tops
  // met on the way are dropped.
  template <class Live>
  std::uint32_t pop_best_of_rank(std::size_t r, const std::array<bool, kTaskTypes>& allowed, Live& live) {
    static_assert(64 % kTaskTypes == 0, "a rank's queues share one word of holding_");
    std::size_t best = queues_.size();
    for (std::size_t ty = 0; ty < kTaskTypes; ++ty) {
      const std::size_t at = r * kTaskTypes + ty;
      Queue& q = queues_[at];
      if (!allowed[ty] || q.empty()) continue;
      for (; !q.empty(); q.pop())
        if (const Entry& e = q.top(); live(e.task, e.gen)) break;
      if (q.empty()) {
        emptied(at);
      } else if (best == queues_.size() || (!index_first_ && After{}(queues_[best].top(), q.top()))) {
        best = at;  // same rank: the discipline decides between index cases and contacts
      }
    }
    if (best == queues_.size()) return kNoTask;
    Queue& q = queues_[best];
    const std::uint32_t task = q.top().task;
    q.pop();
    if (q.empty()) emptied(best);
    return task;
  }

  void emptied(std::size_t at) noexcept { holding_[at / 64] &= ~(std::uint64_t{1} << (at % 64)); }

  std::vector<Queue> queues_;
  std::vector<std::uint64_t> holding_;  // bit r * kTaskTypes + type: that queue is not empty
  Discipline order_ = Discipline::EarliestDeadlineFirst;
  bool index_first_ = false;
  std::uint64_t next_seq_ = 0;
};

}  // namespace tracesim::model::detail
