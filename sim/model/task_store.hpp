// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "detail/entities.hpp"
#include "tally.hpp"
#include "tracesim/kernel/assert.hpp"
#include "tracesim/kernel/rng.hpp"

// The task store (private to the model): every case and contact of one
// replication in a slot vector with its free list, created with its own
// engine, finalised once, and counted at the horizon for the books.
namespace tracesim::model::detail {

/// What the store holds at the horizon, for the end-of-run books.
struct TasksAtHorizon {
  std::uint64_t not_yet_arrived = 0;  // created, arrival still scheduled
  std::uint64_t slots = 0;
  std::uint64_t free_slots = 0;
};

class TaskStore {
 public:
  TaskStore() {
    tasks_.reserve(4096);
    free_.reserve(4096);
  }

  [[nodiscard]] Task& operator[](std::uint32_t i) noexcept { return tasks_[i]; }
  [[nodiscard]] const Task& operator[](std::uint32_t i) const noexcept { return tasks_[i]; }
  [[nodiscard]] const std::vector<Task>& all() const noexcept { return tasks_; }
  /// Task `ti` is still generation `gen` (an event names it) and in `state`.
  [[nodiscard]] bool is_live(std::uint32_t ti, std::uint32_t gen, TaskState state) const noexcept {
    return tasks_[ti].gen == gen && tasks_[ti].state == state;
  }

  /// A new index case whose draws come from the engine of `key`; not yet arrived.
  std::uint32_t new_case(std::uint64_t key) {
    const std::uint32_t ti = take_slot(tasks_, free_);
    Task& t = tasks_[ti];
    t.key = key;
    t.rng = kernel::KeyedEngine{key};
    t.type = TaskType::IndexInterview;
    t.state = TaskState::Scheduled;
    return ti;
  }
  /// A task of `type` from an initial state, its engine in state `engine`; not yet placed.
  std::uint32_t new_task(std::uint64_t key, std::uint64_t engine, TaskType type) {
    const std::uint32_t ti = take_slot(tasks_, free_);
    Task& t = tasks_[ti];
    t.key = key;
    t.rng = kernel::KeyedEngine{engine};  // an engine's state is its next seed
    t.type = type;
    t.state = TaskState::Scheduled;
    return ti;
  }
  /// A free slot that a restored call whose task has left can point to: its
  /// generation never matches the call's.
  std::uint32_t tombstone() {
    const std::uint32_t ti = take_slot(tasks_, free_);
    tasks_[ti].state = TaskState::Free;
    ++tasks_[ti].gen;
    free_.push_back(ti);
    return ti;
  }
  /// The next contact named by index case `parent`; not yet arrived. May
  /// reallocate the store: refer to tasks by number across this call.
  std::uint32_t new_contact(std::uint32_t parent) {
    const std::uint32_t ci = take_slot(tasks_, free_);
    Task& p = tasks_[parent];
    Task& c = tasks_[ci];
    c.key = kernel::combine(p.key, p.contacts_created++);
    c.rng = kernel::KeyedEngine{c.key};
    c.type = TaskType::ContactCall;
    c.segment = p.segment;
    c.state = TaskState::Scheduled;
    return ci;
  }

  /// Task `ti` reached its final state `state` at `at`: counted, its slot freed
  /// and its queued entries and events made stale.
  void finalize(std::uint32_t ti, FinalState state, SimTime at, Tally& tally) {
    Task& t = tasks_[ti];
    TRACESIM_ASSERT(t.state != TaskState::Free, "a task reached a final state twice");
    tally.task_final(t, state, at);
    t.state = TaskState::Free;
    ++t.gen;
    free_.push_back(ti);
  }

  /// At the horizon: counts the unresolved tasks as pending in `tally`.
  TasksAtHorizon close(Tally& tally) const {
    TasksAtHorizon h{0, tasks_.size(), free_.size()};
    for (const Task& t : tasks_) {
      if (is_pending(t.state)) tally.task_pending(t.type);
      else if (t.state == TaskState::Scheduled) ++h.not_yet_arrived;
    }
    return h;
  }

 private:
  std::vector<Task> tasks_;
  std::vector<std::uint32_t> free_;
};

}  // namespace tracesim::model::detail
