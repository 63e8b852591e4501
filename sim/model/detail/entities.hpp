// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "tracesim/kernel/rng.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/kernel/time.hpp"
#include "tracesim/model/config.hpp"

// The entities of one replication, held in slot vectors and referred to by index
// (private to the model).
namespace tracesim::model::detail {

using kernel::SimTime;

// Inbound: an index case on the inbound line (it called in first).
enum class TaskState : std::uint8_t { Free, Scheduled, Queued, Waiting, InCall, Inbound };

/// Arrived and not yet in a final state.
inline bool is_pending(TaskState s) noexcept {
  return s == TaskState::Queued || s == TaskState::Waiting || s == TaskState::InCall || s == TaskState::Inbound;
}

// A case or a contact: the unit of outbound work. All its randomness comes
// from its own engine, so its draws do not move when staffing changes.
struct Task {
  kernel::KeyedEngine rng{0};
  std::uint64_t key = 0;
  SimTime created{};
  SimTime deadline{};
  kernel::EventId stale_check{};     // cancelled when the task is final: it would find nothing to do
  std::uint32_t gen = 0;             // bumped whenever queued entries or events become stale
  std::uint32_t contacts_total = 0;  // index cases: contacts they will name
  std::uint32_t contacts_created = 0;
  std::uint16_t attempts = 0;
  TaskType type = TaskType::IndexInterview;
  std::uint8_t segment = 0;
  TaskState state = TaskState::Free;
  bool inbound_first = false;
};

enum class AgentState : std::uint8_t { Off, Idle, Busy, Break, Winding };

struct Agent {
  SimTime on{};
  SimTime shift_end{};
  SimTime busy_since{};
  SimTime reach_time{};
  Duration break_length{0};
  std::uint32_t pool = 0;
  std::uint32_t task = 0;
  std::uint32_t idle_pos = 0;
  std::uint32_t gen = 0;           // slot generation: checked by attempt ends
  std::uint32_t shift_serial = 0;  // this shift's identity: checked by shift events
  std::uint32_t shift = 0;
  AgentState state = AgentState::Off;
  std::uint8_t next_pause = 0;     // the shift's pause whose start comes next
  bool answered = false;
  bool break_due = false;
  bool last_call_passed = false;
  bool leaving = false;
  bool serving_inbound = false;
};

enum class CallKind : std::uint8_t { IndexFirst, MissedCallBack, SmsCallBack, Independent };

// One inbound caller (kept across their retrials).
struct InboundCall {
  kernel::KeyedEngine rng{0};
  SimTime queued_at{};
  std::uint32_t task = 0;  // linked case or contact (IndexFirst, MissedCallBack)
  std::uint32_t task_gen = 0;
  std::uint32_t gen = 0;
  std::uint16_t retrials = 0;
  CallKind kind = CallKind::Independent;
  bool waiting = false;
  bool live = false;
};

// Takes a free slot of `items` (or appends one) and resets it, with a generation
// one past the old one's: events and queue entries that name the old occupant no
// longer match. Slots are reused, so storage follows the work in flight.
template <class T>
std::uint32_t take_slot(std::vector<T>& items, std::vector<std::uint32_t>& free) {
  std::uint32_t i;
  if (!free.empty()) {
    i = free.back();
    free.pop_back();
  } else {
    i = static_cast<std::uint32_t>(items.size());
    items.emplace_back();
  }
  const std::uint32_t gen = items[i].gen;
  items[i] = T{};
  items[i].gen = gen + 1;
  return i;
}

}  // namespace tracesim::model::detail
