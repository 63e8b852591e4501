// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/sweep.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <memory>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "detail_text.hpp"
#include "tracesim/output/atomic_file.hpp"
#include "tracesim/output/points_csv.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/scenario/diagnostics.hpp"
#include "tracesim/sweep/replications.hpp"

namespace tracesim::sweep {
namespace fs = std::filesystem;

namespace {

using detail::trim;

bool parse_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(out);
}

// Range values are printed with 12 significant digits so that 0.1 steps give
// "0.3", not "0.30000000000000004".
std::string range_value(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", v);
  return buf;
}

// Adds the content of the case series `config` reads, by the path the scenario
// gives: a resume after the file changed must not mix old and new points.
void add_input_hash(nlohmann::ordered_json& inputs, const model::PlatformConfig& config) {
  const model::CaseCurve& curve = config.index_cases.curve;
  if (curve.series.empty() || inputs.contains(curve.series_path)) return;
  std::string rows;
  rows.reserve(curve.series.size() * 16);
  for (const auto& d : curve.series) rows += std::to_string(d.date.days) + "," + std::to_string(d.positives) + "\n";
  inputs[curve.series_path] = output::fnv1a_hex(rows);
}

/// Every point's run, and the hashes of the input files they read.
struct PointRuns {
  std::vector<RunSpec> runs;
  nlohmann::ordered_json inputs = nlohmann::ordered_json::object();
};

nlohmann::ordered_json identity(const scenario::Document& document, const SweepSpec& spec,
                                const std::string& resolved_base, const PointRuns& runs) {
  const std::size_t points = runs.runs.size();
  nlohmann::ordered_json j;
  j["scenario"] = fs::path{document.name()}.filename().string();
  nlohmann::ordered_json axes = nlohmann::ordered_json::array();
  for (const Axis& a : spec.axes) axes.push_back({{"key", a.key}, {"values", a.values}});
  j["axes"] = axes;
  j["replications"] = spec.replications;
  j["seed"] = spec.seed;
  j["points"] = points;
  j["base_scenario_hash"] = output::fnv1a_hex(resolved_base);
  // Only when there is a series, so that the identity of other sweeps is unchanged.
  if (!runs.inputs.empty()) j["input_hashes"] = runs.inputs;
  j["sweep_id"] = output::fnv1a_hex(j.dump());
  return j;
}

// Writes points.csv and replications.csv from the point files, in point order.
// `where` names the point files in messages (the staged folder of a merge is temporary).
void assemble(const fs::path& dir, const nlohmann::ordered_json& id, const std::string& where) {
  output::PointTables tables;
  try {
    tables = output::point_tables(dir / "points", id["points"].get<std::size_t>(), id["axes"].size());
  } catch (const std::system_error&) {
    throw;  // cannot read: exit 74 as before
  } catch (const std::runtime_error& e) {
    // A point file edited or damaged by hand is bad data, not a bug (exit 65, naming the folder).
    throw scenario::ScenarioError({scenario::Diagnostic{where, 0, 0, "", e.what()}});
  }
  output::write_file_atomic(dir / "replications.csv", tables.replications);
  output::write_file_atomic(dir / "points.csv", tables.points);
}

// Every point's run, validated before anything runs: a typo in the last value
// fails fast. Every point has the same seed: common random numbers.
PointRuns point_runs(const scenario::Document& document, const SweepSpec& spec,
                     const std::vector<std::vector<std::string>>& points, std::stop_token stop) {
  PointRuns out;
  out.runs.reserve(points.size());
  for (const auto& values : points) {
    auto overrides = spec.base_overrides;
    for (std::size_t a = 0; a < spec.axes.size(); ++a) overrides.push_back({spec.axes[a].key, values[a], "--vary"});
    const scenario::Scenario point = document.resolve(overrides);
    add_input_hash(out.inputs, point.platform);
    RunSpec run;
    run.plan = std::make_shared<const model::Plan>(model::compile(point.platform));
    run.seed = spec.seed;
    run.replications = spec.replications;
    run.event_budget = spec.event_budget;
    run.stop = stop;
    out.runs.push_back(std::move(run));
  }
  return out;
}

// Point p's file: every replication of `run` on `threads` workers. Empty when a
// stop request left replications out; the first failure in replication order is rethrown.
std::string point_text(const RunSpec& run, std::size_t p, const std::vector<std::string>& axis_keys,
                       const std::vector<std::string>& values, unsigned threads) {
  const auto reps = static_cast<std::size_t>(run.replications);
  std::vector<std::vector<output::Kpi>> rows(reps);
  std::vector<std::exception_ptr> errors(reps);
  std::vector<char> stopped(reps, 0);
  parallel_for(reps, threads, [&](std::size_t r) {
    if (run.stop.stop_requested()) {
      stopped[r] = 1;
      return;
    }
    try {
      const auto result = run_replication(run, r);
      if (result.stopped) stopped[r] = 1;
      else rows[r] = output::kpis(result);
    } catch (...) {
      errors[r] = std::current_exception();
    }
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  for (const char s : stopped)
    if (s) return {};
  return output::point_csv(output::PointRows{p, axis_keys, values, std::move(rows)});
}

std::vector<std::string> axis_keys_of(const SweepSpec& spec) {
  std::vector<std::string> keys;
  for (const Axis& a : spec.axes) keys.push_back(a.key);
  return keys;
}

// A sweep.json read back (resume, merge): checked before it is trusted, since
// its point count drives loops and it may have been edited or truncated.
nlohmann::ordered_json parse_sweep_id(const std::string& text, const std::string& name) {
  auto bad = [&](const std::string& why) {
    return scenario::ScenarioError({scenario::Diagnostic{name, 0, 0, "", "not a sweep.json written by tracesim: " + why}});
  };
  nlohmann::ordered_json j;
  try {
    j = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw bad(e.what());
  }
  if (!j.is_object() || !j.contains("sweep_id") || !j["sweep_id"].is_string()) throw bad("no sweep_id");
  if (!j.contains("points") || !j["points"].is_number_unsigned() || j["points"].get<std::uint64_t>() < 1 ||
      j["points"].get<std::uint64_t>() > kMaxGridPoints)
    throw bad("points must be a whole number from 1 to " + std::to_string(kMaxGridPoints));
  if (!j.contains("axes") || !j["axes"].is_array() || j["axes"].empty() || j["axes"].size() > 64)
    throw bad("axes must be a list of 1 to 64 axes");
  std::uint64_t product = 1;
  for (const auto& a : j["axes"]) {
    if (!a.is_object() || !a.contains("key") || !a["key"].is_string() || !a.contains("values") ||
        !a["values"].is_array() || a["values"].empty())
      throw bad("every axis needs a key and a non-empty list of values");
    for (const auto& v : a["values"])
      if (!v.is_string()) throw bad("axis values must be strings");
    product = std::min<std::uint64_t>(product * a["values"].size(), kMaxGridPoints + 1);
  }
  if (product != j["points"].get<std::uint64_t>()) throw bad("points is not the product of the axes' sizes");
  return j;
}

// Removes what open_folder created in a folder that did not hold this sweep,
// unless dismissed: a sweep that fails before finishing a point (a thread that
// cannot start, an event budget) leaves nothing behind.
class NewFolderGuard {
 public:
  explicit NewFolderGuard(fs::path dir)
      : dir_{std::move(dir)}, existed_{fs::exists(dir_)}, had_id_{fs::exists(dir_ / "sweep.json")} {}
  NewFolderGuard(const NewFolderGuard&) = delete;
  NewFolderGuard& operator=(const NewFolderGuard&) = delete;
  ~NewFolderGuard() {
    if (dismissed_ || had_id_) return;
    std::error_code ec;  // best effort, never throws: each remove fails harmlessly on a non-empty folder
    if (!fs::is_empty(dir_ / "points", ec) || ec) return;  // finished points: keep them resumable
    fs::remove(dir_ / "sweep.json", ec);
    fs::remove(dir_ / "points", ec);
    if (!existed_) fs::remove(dir_, ec);
  }
  void dismiss() noexcept { dismissed_ = true; }

 private:
  fs::path dir_;
  bool existed_;
  bool had_id_;
  bool dismissed_ = false;
};

// Makes `out_dir` hold sweep `id`: a new folder gets sweep.json; an existing one
// must hold the same sweep and be resumed. Removes temporary files a crashed run left.
void open_folder(const fs::path& out_dir, const nlohmann::ordered_json& id, bool resume) {
  fs::create_directories(out_dir / "points");
  const fs::path id_file = out_dir / "sweep.json";
  if (fs::exists(id_file) && !resume)
    throw SweepError("'" + out_dir.string() + "' already holds a sweep: add --resume to continue it, or "
                             "choose another --out");
  if (fs::exists(id_file)) {
    const auto existing = parse_sweep_id(output::read_file(id_file), id_file.string());
    if (existing.value("sweep_id", "") != id["sweep_id"].get<std::string>())
      throw SweepError("'" + out_dir.string() + "' holds the results of another sweep (different scenario, "
                               "grid, replications or seed); use another --out");
  } else {
    output::write_file_atomic(id_file, id.dump(2) + "\n");
  }
  // Temporary files left by a crashed run are never results: remove them.
  for (const auto& entry : fs::directory_iterator(out_dir / "points"))
    if (entry.path().filename().string().rfind('.', 0) == 0) fs::remove(entry.path());
}

bool complete(const fs::path& dir, std::size_t points) {
  for (std::size_t p = 0; p < points; ++p)
    if (!fs::exists(dir / "points" / output::point_file_name(p))) return false;
  return true;
}

}  // namespace

Axis parse_axis(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw std::invalid_argument("--vary expects KEY=FROM:TO:STEP or KEY=V1,V2,..., got '" + text + "'");
  return parse_axis(text.substr(0, eq), text.substr(eq + 1));
}

Axis parse_axis(const std::string& key, const std::string& spec) {
  Axis axis{key, {}};
  const auto parts = output::split_csv_line(spec);
  if (spec.find(':') != std::string::npos && parts.size() == 1) {
    const auto c1 = spec.find(':');
    const auto c2 = spec.find(':', c1 + 1);
    double from = 0;
    double to = 0;
    double step = 0;
    if (c2 == std::string::npos || !parse_number(trim(spec.substr(0, c1)), from) ||
        !parse_number(trim(spec.substr(c1 + 1, c2 - c1 - 1)), to) || !parse_number(trim(spec.substr(c2 + 1)), step) ||
        step <= 0 || to < from)
      throw std::invalid_argument(key + ": expected FROM:TO:STEP with FROM <= TO and STEP > 0, got '" + spec + "'");
    const double count = std::floor((to - from) / step + 1e-9) + 1;
    if (!(count <= 100000)) throw std::invalid_argument(key + ": the range has more than 100000 values");
    for (int i = 0; i < static_cast<int>(count); ++i) axis.values.push_back(range_value(from + i * step));
  } else {
    for (const auto& v : parts) {
      const std::string t = trim(v);
      if (t.empty()) throw std::invalid_argument(key + ": empty value in '" + spec + "'");
      axis.values.push_back(t);
    }
  }
  if (axis.values.empty()) throw std::invalid_argument(key + ": no values");
  return axis;
}

std::vector<std::vector<std::string>> grid(const std::vector<Axis>& axes) {
  // Bounded before anything is built: the size is a product, checked factor by factor.
  std::size_t size = 1;
  for (std::size_t a = 0; a < axes.size(); ++a) {
    for (std::size_t b = 0; b < a; ++b)
      if (axes[b].key == axes[a].key) throw SweepError("the key '" + axes[a].key + "' is varied twice");
    if (axes[a].values.empty() || axes[a].values.size() > kMaxGridPoints / size)
      throw SweepError("the grid has more than " + std::to_string(kMaxGridPoints) + " points");
    size *= axes[a].values.size();
  }
  std::vector<std::vector<std::string>> points{{}};
  points.reserve(size);
  for (const Axis& axis : axes) {
    std::vector<std::vector<std::string>> next;
    for (const auto& prefix : points)
      for (const auto& v : axis.values) {
        auto p = prefix;
        p.push_back(v);
        next.push_back(std::move(p));
      }
    points = std::move(next);
  }
  return points;
}

SweepOutcome run_sweep(const scenario::Document& document, const SweepSpec& spec, const fs::path& out_dir,
                       std::stop_token stop, const SweepProgress& progress, const PointFarm& farm) {
  const auto points = grid(spec.axes);
  const std::string resolved_base = scenario::identity_yaml(document.resolve(spec.base_overrides));
  const auto runs = point_runs(document, spec, points, stop);
  const auto id = identity(document, spec, resolved_base, runs);
  NewFolderGuard guard{out_dir};
  open_folder(out_dir, id, spec.resume);

  SweepOutcome outcome;
  outcome.points_total = points.size();
  std::vector<std::size_t> todo;
  for (std::size_t p = 0; p < points.size(); ++p) {
    if (static_cast<int>(p % static_cast<std::size_t>(spec.shard_count)) != spec.shard_index) continue;
    ++outcome.points_in_shard;
    if (fs::exists(out_dir / "points" / output::point_file_name(p))) {
      ++outcome.points_resumed;
    } else {
      todo.push_back(p);
    }
  }
  outcome.points_done = outcome.points_resumed;

  const auto reps = static_cast<std::size_t>(spec.replications);
  std::vector<std::string> axis_keys;
  for (const Axis& a : spec.axes) axis_keys.push_back(a.key);
  std::vector<std::vector<std::vector<output::Kpi>>> slots(todo.size(), std::vector<std::vector<output::Kpi>>(reps));
  std::vector<std::size_t> remaining(todo.size(), reps);
  std::vector<std::exception_ptr> errors(todo.size());
  std::mutex mutex;
  std::size_t reps_done = 0;
  const std::size_t reps_total = todo.size() * reps;
  if (progress) progress(outcome.points_done, outcome.points_in_shard, 0, reps_total);
  if (farm) {
    farm(
        todo, [&](std::size_t p) { return point_text(runs.runs[p], p, axis_keys, points[p], spec.threads); },
        [&](std::size_t p, std::string&& text) {
          if (text.empty()) return;  // stopped: the point is left for --resume
          output::write_file_atomic(out_dir / "points" / output::point_file_name(p), text);
          ++outcome.points_done;
          reps_done += reps;
          if (progress) progress(outcome.points_done, outcome.points_in_shard, reps_done, reps_total);
        });
    todo.clear();  // every point went through the farm
  }
  // Task k is replication k % reps of point k / reps: the order the pool took them in.
  parallel_for(todo.size() * reps, spec.threads, [&](std::size_t k) {
    const std::size_t t = k / reps;
    const std::size_t r = k % reps;
    if (stop.stop_requested()) return;
    const std::size_t p = todo[t];
    try {
      const auto result = run_replication(runs.runs[p], r);
      if (result.stopped) return;
      slots[t][r] = output::kpis(result);
    } catch (...) {
      const std::lock_guard lock{mutex};
      errors[t] = std::current_exception();
      return;
    }
    const std::lock_guard lock{mutex};
    ++reps_done;
    if (--remaining[t] == 0 && !errors[t]) {
      // The point is complete: write its rows atomically, so a resumed run skips it.
      output::PointRows rows{p, axis_keys, points[p], std::move(slots[t])};
      const std::string text = output::point_csv(rows);
      try {
        output::write_file_atomic(out_dir / "points" / output::point_file_name(p), text);
        ++outcome.points_done;
      } catch (...) {
        errors[t] = std::current_exception();
      }
      slots[t].clear();
    }
    if (progress) progress(outcome.points_done, outcome.points_in_shard, reps_done, reps_total);
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  guard.dismiss();
  outcome.interrupted = stop.stop_requested() && outcome.points_done < outcome.points_in_shard;
  if (!outcome.interrupted && complete(out_dir, points.size())) {
    assemble(out_dir, id, (out_dir / "points").string());
    outcome.assembled = true;
  }
  return outcome;
}

SweepPoints::SweepPoints(const scenario::Document& document, SweepSpec spec)
    : document_{document}, spec_{std::move(spec)}, points_{grid(spec_.axes)} {}

std::string SweepPoints::run_point(std::size_t p, std::stop_token stop) const {
  if (p >= points_.size()) throw std::out_of_range("sweep point " + std::to_string(p) + " is not in the grid");
  auto overrides = spec_.base_overrides;
  for (std::size_t a = 0; a < spec_.axes.size(); ++a) overrides.push_back({spec_.axes[a].key, points_[p][a], "--vary"});
  RunSpec run;
  run.plan = std::make_shared<const model::Plan>(model::compile(document_.resolve(overrides).platform));
  run.seed = spec_.seed;
  run.replications = spec_.replications;
  run.event_budget = spec_.event_budget;
  run.stop = stop;
  return point_text(run, p, axis_keys_of(spec_), points_[p], spec_.threads);
}

std::size_t sweep_metadata_points(const std::string& text, const std::string& name) {
  return parse_sweep_id(text, name)["points"].get<std::size_t>();
}

void merge_shards(const std::vector<fs::path>& shard_dirs, const fs::path& out_dir) {
  if (shard_dirs.empty()) throw SweepError("merge needs at least one shard folder");
  std::string id_text;
  nlohmann::ordered_json id;
  for (const auto& dir : shard_dirs) {
    const auto text = output::read_file(dir / "sweep.json");
    const auto j = parse_sweep_id(text, (dir / "sweep.json").string());
    if (id_text.empty()) {
      id_text = text;
      id = j;
    } else if (j.value("sweep_id", "") != id.value("sweep_id", "")) {
      throw SweepError("'" + dir.string() + "' holds another sweep than '" + shard_dirs[0].string() + "'");
    }
  }
  const auto points = id["points"].get<std::size_t>();
  // Every shard is checked before anything is written: a failed merge leaves no files.
  std::vector<std::string> missing;
  std::vector<std::size_t> source(points, 0);
  for (std::size_t p = 0; p < points; ++p) {
    const std::string name = output::point_file_name(p);
    std::string found;
    for (std::size_t s = 0; s < shard_dirs.size(); ++s) {
      if (!fs::exists(shard_dirs[s] / "points" / name)) continue;
      const std::string text = output::read_file(shard_dirs[s] / "points" / name);
      if (!found.empty() && text != found)
        throw SweepError("point " + std::to_string(p) + " differs between shards");
      found = text;
      source[p] = s;
    }
    if (found.empty()) missing.push_back(std::to_string(p));
  }
  if (!missing.empty()) {
    std::string list;
    for (std::size_t i = 0; i < missing.size() && i < 20; ++i) list += (i ? ", " : "") + missing[i];
    throw SweepError(std::to_string(missing.size()) + " of " + std::to_string(points) +
                             " points are in no shard (" + list + (missing.size() > 20 ? ", ..." : "") +
                             "): run the missing shards first");
  }
  // The merged folder appears complete or not at all (a tampered point that
  // fails to assemble leaves nothing).
  output::OutputFolder staging{out_dir};
  fs::create_directories(staging.path() / "points");
  for (std::size_t p = 0; p < points; ++p) {
    const std::string name = output::point_file_name(p);
    output::write_file_atomic(staging.path() / "points" / name,
                              output::read_file(shard_dirs[source[p]] / "points" / name));
  }
  output::write_file_atomic(staging.path() / "sweep.json", id_text);
  std::string shards;
  for (const auto& dir : shard_dirs) shards += (shards.empty() ? "" : ", ") + (dir / "points").string();
  assemble(staging.path(), id, shards);
  staging.commit();
}

}  // namespace tracesim::sweep
