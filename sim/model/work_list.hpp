// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "tracesim/model/config.hpp"

// The outbound work list of one replication (private to the model).
namespace tracesim::model::detail {

/// The outbound work list: one heap per (priority rank, task type). Within a
/// heap the discipline orders entries (FIFO, LIFO or earliest deadline first),
/// ties broken by insertion order. Entries are removed lazily: the caller's
/// `live` predicate rejects stale ones when they reach the top.
class WorkList {
 public:
  void configure(std::size_t ranks, Discipline order, bool index_before_contacts) {
    heaps_.assign(ranks * kTaskTypes, {});
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
    auto& h = heaps_[rank * kTaskTypes + index_of(type)];
    h.push_back(e);
    std::push_heap(h.begin(), h.end(), After{});
  }

  /// The live entries' tasks in the order they were added (saved in a snapshot):
  /// pushed again in this order, they keep their order among themselves.
  template <class Live>
  [[nodiscard]] std::vector<std::uint32_t> live_in_order(Live&& live) const {
    std::vector<Entry> all;
    for (const auto& h : heaps_)
      for (const Entry& e : h)
        if (live(e.task, e.gen)) all.push_back(e);
    std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) { return a.seq < b.seq; });
    std::vector<std::uint32_t> out;
    out.reserve(all.size());
    for (const Entry& e : all) out.push_back(e.task);
    return out;
  }

  /// Removes and returns the best live task among the allowed types, scanning
  /// ranks in order; std::nullopt if none.
  template <class Live>
  std::optional<std::uint32_t> pop_best(const std::array<bool, kTaskTypes>& allowed, Live&& live) {
    const std::size_t ranks = heaps_.size() / kTaskTypes;
    for (std::size_t r = 0; r < ranks; ++r) {
      std::vector<Entry>* best = nullptr;
      for (std::size_t ty = 0; ty < kTaskTypes; ++ty) {
        if (!allowed[ty]) continue;
        auto& h = heaps_[r * kTaskTypes + ty];
        while (!h.empty() && !live(h.front().task, h.front().gen)) {
          std::pop_heap(h.begin(), h.end(), After{});
          h.pop_back();
        }
        if (h.empty()) continue;
        if (best == nullptr) {
          best = &h;
        } else if (!index_first_ && After{}(best->front(), h.front())) {
          best = &h;  // same rank: the discipline decides between index cases and contacts
        }
      }
      if (best != nullptr) {
        const std::uint32_t task = best->front().task;
        std::pop_heap(best->begin(), best->end(), After{});
        best->pop_back();
        return task;
      }
    }
    return std::nullopt;
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

  std::vector<std::vector<Entry>> heaps_;
  Discipline order_ = Discipline::EarliestDeadlineFirst;
  bool index_first_ = false;
  std::uint64_t next_seq_ = 0;
};

}  // namespace tracesim::model::detail
