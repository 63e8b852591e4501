// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>

#include "tracesim/model/config.hpp"
#include "tracesim/model/initial_state.hpp"

namespace tracesim::output {

/// The files of one replication's snapshot (docs/outputs.md, "Snapshots"):
/// its open tasks in the initial-state format with the columns exact
/// continuation needs, its pending events in the order they run, and its
/// run-level state. Times are date-times to the millisecond from `config`'s calendar.
std::string snapshot_tasks_csv(const model::InitialState& s, const model::PlatformConfig& config);
std::string snapshot_events_csv(const model::InitialState& s, const model::PlatformConfig& config);
std::string snapshot_back_office_csv(const model::InitialState& s, const model::PlatformConfig& config);
std::string snapshot_run_csv(const model::InitialState& s, const model::PlatformConfig& config);

/// Writes replication `replication`'s snapshot as DATE/replication-N.csv,
/// .events.csv, .back_office.csv and .run.csv under `folder`, each file atomically.
void write_snapshot(const std::filesystem::path& folder, std::size_t replication, const model::Snapshot& snapshot,
                    const model::PlatformConfig& config);

}  // namespace tracesim::output
