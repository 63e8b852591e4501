// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <memory>

#include "tracesim/model/observer.hpp"
#include "tracesim/output/atomic_file.hpp"

namespace tracesim::output {

/// Streams per-entity facts to CSV as they happen (never held in memory):
/// `attempts.csv` (one row per outbound attempt) and `tasks.csv` (one row per
/// case or contact reaching its final state). Times are ms since the run start.
class CsvTrace final : public model::Observer {
 public:
  explicit CsvTrace(const std::filesystem::path& folder);
  void on_attempt(const model::AttemptRecord& r) override;
  void on_task_final(const model::TaskRecord& r) override;
  void on_agent_shift(const model::AgentShiftRecord& r) override;
  /// Renames the files into place. Uncommitted traces are removed.
  void commit();

 private:
  AtomicFile attempts_;
  AtomicFile tasks_;
};

}  // namespace tracesim::output
