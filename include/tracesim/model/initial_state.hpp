// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/kernel/time.hpp"
#include "tracesim/model/config.hpp"

// The work a run starts with: open cases and contacts from a user's file
// (`initial_state`), or the whole state of a replication saved at a midnight (a
// snapshot), from which the run continues exactly. Plain data: the scenario
// layer reads it, the output layer writes it, the model builds from it.
namespace tracesim::model {

using kernel::SimTime;

/// Where a task stood when the state was saved (snapshot rows only).
enum class OpenState : std::uint8_t {
  Scheduled,  // created, arrives at `identified` (after the snapshot's midnight)
  Queued,     // in the work list
  Waiting,    // between attempts, its next one due at a pending `ready` event
  Inbound,    // an index case that called in first, its call due again
};

/// What exact continuation needs beyond the open-work columns.
struct TaskExact {
  std::uint64_t key = 0;     // the task's identity (its engine's seed, and its contacts')
  std::uint64_t engine = 0;  // the state of its own engine
  OpenState state = OpenState::Queued;
  bool inbound_first = false;
  std::optional<std::uint64_t> queue_position;  // Queued: its rank in the work list's insertion order
};

/// One open case or contact. Times are from the calendar's start (negative: before it).
struct OpenTask {
  std::uint64_t id = 0;  // unique within the file
  TaskType type = TaskType::IndexInterview;
  SimTime identified{};                 // arrival (Scheduled: the arrival to come)
  std::uint16_t attempts = 0;           // outbound attempts already made
  std::optional<SimTime> last_attempt;  // when the last one ended; none if no attempt
  std::optional<SimTime> next_attempt;  // when it may be tried again, if known (a call-back booked)
  std::optional<SimTime> deadline;      // none: identified + the type's deadline
  std::uint8_t segment = 0;
  std::uint32_t contacts_listed = 0;   // index cases: contacts already listed (their own rows, if open)
  std::uint32_t contacts_to_list = 0;  // index cases: contacts it will name when reached
  std::optional<TaskExact> exact;      // snapshot rows
};

/// A pending event of a snapshot, in run order.
enum class PendingKind : std::uint8_t {
  TaskArrival,
  TaskReady,
  TaskDeadline,
  TaskStale,
  Call,             // an inbound caller calls (again)
  IndependentCall,  // the next call of the independent inbound stream
  PlatformOpens,
  DayClose,
};

/// Who an inbound caller is (snapshot rows).
enum class CallOrigin : std::uint8_t { IndexFirst, MissedCallBack, SmsCallBack, Independent };

/// The words a snapshot's files use for these values (docs/outputs.md): one table per
/// type, which the writer (output) and the reader (scenario) both use.
template <class E>
struct Word {
  std::string_view word;
  E value;
};
inline constexpr std::array<Word<OpenState>, 4> kOpenStateWords{{{"scheduled", OpenState::Scheduled},
                                                                 {"queued", OpenState::Queued},
                                                                 {"waiting", OpenState::Waiting},
                                                                 {"inbound", OpenState::Inbound}}};
inline constexpr std::array<Word<kernel::Phase>, 4> kPhaseWords{{{"release", kernel::Phase::Release},
                                                                 {"arrival", kernel::Phase::Arrival},
                                                                 {"dispatch", kernel::Phase::Dispatch},
                                                                 {"sample", kernel::Phase::Sample}}};
inline constexpr std::array<Word<PendingKind>, 8> kPendingKindWords{{{"task_arrival", PendingKind::TaskArrival},
                                                                     {"task_ready", PendingKind::TaskReady},
                                                                     {"task_deadline", PendingKind::TaskDeadline},
                                                                     {"task_stale", PendingKind::TaskStale},
                                                                     {"call", PendingKind::Call},
                                                                     {"independent_call", PendingKind::IndependentCall},
                                                                     {"platform_opens", PendingKind::PlatformOpens},
                                                                     {"day_close", PendingKind::DayClose}}};
inline constexpr std::array<Word<CallOrigin>, 4> kCallOriginWords{{{"index_first", CallOrigin::IndexFirst},
                                                                   {"missed_call_back", CallOrigin::MissedCallBack},
                                                                   {"sms_call_back", CallOrigin::SmsCallBack},
                                                                   {"independent", CallOrigin::Independent}}};

/// The word for `value` in `words`.
template <class E, std::size_t N>
constexpr std::string_view word_of(const std::array<Word<E>, N>& words, E value) {
  for (const auto& w : words)
    if (w.value == value) return w.word;
  return {};
}
/// The value `word` stands for in `words`, if any.
template <class E, std::size_t N>
constexpr std::optional<E> value_of(const std::array<Word<E>, N>& words, std::string_view word) {
  for (const auto& w : words)
    if (w.word == word) return w.value;
  return std::nullopt;
}
/// "a, b, c or d": the words, for a message that lists what is expected.
template <class E, std::size_t N>
std::string one_of(const std::array<Word<E>, N>& words) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i)
    out += std::string{i == 0 ? "" : i + 1 == N ? " or " : ", "} + std::string{words[i].word};
  return out;
}

struct PendingCall {
  CallOrigin origin = CallOrigin::Independent;
  std::uint64_t engine = 0;
  std::uint16_t retrials = 0;
  std::optional<std::uint64_t> task;  // the open task it concerns (by id), if still linked
};

struct PendingEvent {
  SimTime at{};
  kernel::Phase phase = kernel::Phase::Arrival;
  PendingKind kind = PendingKind::TaskArrival;
  std::uint64_t task = 0;  // task events: the task's id
  std::uint32_t call = 0;  // Call: index into InitialState::calls
  std::uint32_t day = 0;   // DayClose: the day (0-based)
};

/// A back-office item waiting for an agent (snapshots).
struct PendingBackOffice {
  SimTime created{};
  SimTime deadline{};
  kernel::Duration work{0};
  std::uint16_t kind = 0;  // index into the scenario's back_office kinds
};

/// Run-level state of a snapshot: the sequential random streams and counters.
struct RunState {
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::int32_t day = 0;  // the day (0-based) whose midnight was saved
  std::mt19937_64 day_counts;
  std::mt19937_64 inbound_counts;
  double inbound_exact_ms = 0;
  std::uint64_t next_case = 0;
  std::uint64_t next_call = 0;
  SimTime sms_free_at{};
  std::vector<std::vector<double>> shift_carry;          // per pool, per shift: fractional agents carried over
  std::vector<std::optional<SimTime>> pool_active_from;  // reinforcement pools: staffed from; none: inactive
};

struct InitialState {
  std::vector<OpenTask> tasks;
  std::vector<PendingCall> calls;              // snapshots
  std::vector<PendingEvent> events;            // snapshots, in the order they run
  std::vector<PendingBackOffice> back_office;  // snapshots, in the order they were born
  std::optional<RunState> run;                 // snapshots
};

/// A scenario's initial state: one shared by every replication (a user's file),
/// or one per replication (a snapshot folder), where the run starts at `first_day`.
struct InitialStates {
  std::vector<InitialState> replications;
  bool per_replication = false;
  std::int32_t first_day = 0;
  std::string source;  // the file or folder, for messages

  [[nodiscard]] const InitialState* for_replication(std::uint64_t r) const noexcept {
    if (!per_replication) return replications.empty() ? nullptr : &replications.front();
    return r < replications.size() ? &replications[r] : nullptr;
  }
};

/// A replication's state saved at the start (00:00) of `date`.
struct Snapshot {
  kernel::Date date{};
  InitialState state;
};

}  // namespace tracesim::model

namespace tracesim::model {

/// A state that cannot be saved or restored exactly (an agent at work or a caller
/// waiting at the snapshot's midnight, a snapshot of another seed): the message
/// names the day and the reason. Bad input, not a bug.
class SnapshotError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tracesim::model
