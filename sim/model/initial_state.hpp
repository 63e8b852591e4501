// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>

#include "arrivals.hpp"
#include "back_office.hpp"
#include "detail/events.hpp"
#include "inbound_line.hpp"
#include "roster.hpp"
#include "sms.hpp"
#include "tally.hpp"
#include "task_store.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/model/initial_state.hpp"
#include "tracesim/model/platform.hpp"
#include "work_list.hpp"

// The state of a replication in and out (private to the model): the work a run
// starts with (restore_state, once before the first event) and the state saved
// at a midnight (capture_state, between two events). Both work on the
// coordinator's components, which they reach through PlatformParts.
namespace tracesim::model::detail {

struct PlatformParts {
  kernel::Simulator& sim;
  const Lanes& lanes;  // events.hpp
  TaskStore& tasks;
  WorkList& work;
  InboundLine& line;
  Roster& roster;
  Arrivals& arrivals;
  SmsGateway& sms;
  BackOffice& office;
  Tally& tally;
};

/// The initial state of replication `options.replication`, or none. Throws
/// SnapshotError if a snapshot folder has no state for it.
const InitialState* initial_state_for(const Plan& plan, const RunOptions& options);

/// Puts `state` on the platform at the start of day `plan.first_day`. Rows of a
/// user's file (no exact part) follow the rules at once: a task past its deadline
/// gets its SMS or stale treatment now, a retried one waits its spacing from its
/// last attempt. Snapshot rows and events are put back exactly, in their order.
/// Throws SnapshotError if a snapshot belongs to another seed or replication.
void restore_state(const InitialState& state, const Plan& plan, const RunOptions& options, PlatformParts parts);

/// The state at the start (00:00) of day `day`, taken after every event before
/// it. Throws SnapshotError, naming the day, if it cannot be continued exactly.
Snapshot capture_state(const Plan& plan, const RunOptions& options, std::int32_t day, PlatformParts parts);

}  // namespace tracesim::model::detail
