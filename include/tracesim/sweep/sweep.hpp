// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <vector>

#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"

namespace tracesim::sweep {

/// A sweep that cannot run as asked (folder holds another sweep, shards do not
/// match, points missing): the user must change the command.
class SweepError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The largest grid a sweep builds (the product of the axes' sizes, checked
/// before the grid is built).
inline constexpr std::size_t kMaxGridPoints = 1'000'000;

/// Checks the text of a sweep.json read back (by --resume or merge) before it
/// is trusted and returns its point count. Throws scenario::ScenarioError
/// naming `name` if it is not a sweep.json tracesim wrote.
std::size_t sweep_metadata_points(const std::string& text, const std::string& name);

/// One varied scenario key and its values (YAML text, as --set takes them).
struct Axis {
  std::string key;
  std::vector<std::string> values;
};

/// Parses "KEY=FROM:TO:STEP" (inclusive numeric range) or "KEY=V1,V2,...".
/// Throws std::invalid_argument with a message saying what was expected.
Axis parse_axis(const std::string& text);

/// Same, for a key and a spec given separately (the scenario's sweep section).
Axis parse_axis(const std::string& key, const std::string& spec);

/// Every grid point: the cartesian product, the first axis varying slowest.
std::vector<std::vector<std::string>> grid(const std::vector<Axis>& axes);

/// What a sweep runs on its scenario: the grid, and R replications per point.
struct SweepSpec {
  std::vector<scenario::Override> base_overrides;  // --set, applied to every point
  std::vector<Axis> axes;
  int replications = 10;
  std::uint64_t seed = 1;
  std::uint64_t event_budget = UINT64_MAX;
  unsigned threads = 0;
  int shard_index = 0;  // 0-based
  int shard_count = 1;
  bool resume = false;  // continue a sweep whose folder already holds finished points
};

/// Points done, total points (of this shard), replications done, total replications.
using SweepProgress = std::function<void(std::size_t, std::size_t, std::size_t, std::size_t)>;

/// Outcome of run_sweep.
struct SweepOutcome {
  std::size_t points_total = 0;     // in the grid
  std::size_t points_in_shard = 0;
  std::size_t points_done = 0;      // finished in this shard, including resumed ones
  std::size_t points_resumed = 0;   // found finished on disk
  bool interrupted = false;
  bool assembled = false;           // points.csv and replications.csv written
};

/// Where the points of a sweep are computed, when not all on this process's
/// threads (an MPI job, docs/cluster.md): called once with the points to run,
/// it has `compute(p)` (point p's file, replications on SweepSpec::threads) run
/// somewhere and `collect(p, file)` called on the calling thread for each.
using PointFarm = std::function<void(const std::vector<std::size_t>& points,
                                     const std::function<std::string(std::size_t)>& compute,
                                     const std::function<void(std::size_t, std::string&&)>& collect)>;

/// Runs the shard's grid points of `document` that `out_dir` does not already
/// hold (each point is the document resolved with the base overrides, then the
/// point's values with origin "--vary"), writing
/// each point's replications to out_dir/points/ atomically as it completes.
/// When every point of the grid is present, writes points.csv and
/// replications.csv. Every point uses the same seed, so replication r of every
/// point sees the same random streams (common random numbers). Throws
/// scenario::ScenarioError if a point's scenario is invalid, std::runtime_error
/// if out_dir holds a different sweep.
/// With a `farm`, each point's replications run together wherever the farm sends
/// the point, and its file is written here when it comes back: the same files.
SweepOutcome run_sweep(const scenario::Document& document, const SweepSpec& spec,
                       const std::filesystem::path& out_dir, std::stop_token stop, const SweepProgress& progress,
                       const PointFarm& farm = {});

/// The points of a sweep for a process that only computes them (a rank of an
/// MPI job other than 0): each resolved and compiled when asked for, nothing read
/// or written on disk.
class SweepPoints {
 public:
  SweepPoints(const scenario::Document& document, SweepSpec spec);
  /// Point p's file, as run_sweep writes it (empty if `stop` was requested).
  [[nodiscard]] std::string run_point(std::size_t p, std::stop_token stop) const;

 private:
  const scenario::Document& document_;
  SweepSpec spec_;
  std::vector<std::vector<std::string>> points_;
};

/// Combines shard folders into `out_dir`: the same files one unsharded run
/// writes. Throws std::runtime_error naming missing points or mismatched sweeps.
void merge_shards(const std::vector<std::filesystem::path>& shard_dirs, const std::filesystem::path& out_dir);

}  // namespace tracesim::sweep
