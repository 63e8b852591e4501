// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include "tracesim/model/observer.hpp"
#include "tracesim/model/platform.hpp"

namespace tracesim::test {

/// Keeps every fact in memory (tests only: real runs stream them).
struct Recorder final : model::Observer {
  std::vector<model::AttemptRecord> attempts;
  std::vector<model::TaskRecord> tasks;
  std::vector<model::AgentShiftRecord> shifts;
  void on_attempt(const model::AttemptRecord& r) override { attempts.push_back(r); }
  void on_task_final(const model::TaskRecord& r) override { tasks.push_back(r); }
  void on_agent_shift(const model::AgentShiftRecord& r) override { shifts.push_back(r); }
};

/// One replication of `pc` with seed 1, its facts given to `rec` if any.
inline model::RunResult run(const model::PlatformConfig& pc, Recorder* rec = nullptr) {
  model::RunOptions o;
  o.seed = 1;
  o.observer = rec;
  return model::simulate(pc, o);
}

}  // namespace tracesim::test
