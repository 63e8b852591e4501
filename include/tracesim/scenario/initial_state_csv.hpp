// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <istream>
#include <memory>
#include <string>

#include "tracesim/model/config.hpp"
#include "tracesim/model/initial_state.hpp"
#include "tracesim/scenario/diagnostics.hpp"

namespace tracesim::scenario {

/// Reads the open work a run starts with (the key `initial_state`, `--from`):
/// a CSV file of open tasks (docs/outputs.md, "Initial state"), shared by every
/// replication, or a snapshot folder written by `--snapshot-at` (replication-N.csv,
/// replication-N.events.csv, replication-N.run.csv for N = 0, 1, ...), one state per
/// replication, the run starting on the snapshot's day. Read strictly against
/// `config` (segments by name, attempts below max_attempts, times not after the
/// start): every problem is appended to `diags` with its file, line and column;
/// the state is returned only if there is none.
std::shared_ptr<const model::InitialStates> read_initial_state(const std::filesystem::path& path,
                                                               const model::PlatformConfig& config, Diagnostics& diags);

/// One file of open tasks from `in` (named `name` in diagnostics): rows without
/// the snapshot columns. Exposed for tests.
model::InitialState read_open_tasks_csv(std::istream& in, const std::string& name, const model::PlatformConfig& config,
                                        Diagnostics& diags);

}  // namespace tracesim::scenario
