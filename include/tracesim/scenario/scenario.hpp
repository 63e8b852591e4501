// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tracesim/model/config.hpp"
#include "tracesim/scenario/diagnostics.hpp"

// YAML never appears in these headers: the scenario module is the only one
// that knows the file format.
namespace tracesim::scenario {

/// The schema version this build reads.
inline constexpr int kSchemaVersion = 1;

/// Run settings a scenario may carry; the command line may override them.
struct RunSettings {
  int replications = 10;
  std::uint64_t seed = 1;
  std::uint64_t event_budget = 2'000'000'000;
};

/// A sweep declared in the scenario file: keys to vary and their value specs
/// ("FROM:TO:STEP" or a list), in file order.
struct SweepSection {
  std::vector<std::pair<std::string, std::string>> vary;
  int replications = 0;  // 0: use run.replications
};

/// A free parameter of a calibration: a scenario key and its bounds. Bounds
/// given as durations ("5m") make the parameter a duration.
struct CalibrationParameter {
  std::string key;
  double min = 0;
  double max = 0;
  bool is_duration = false;  // min and max then in ms
};

/// A figure the model must reproduce.
struct CalibrationTarget {
  std::string name;             // label in reports
  std::string kpi;              // an output KPI (docs/outputs.md)
  std::optional<kernel::Date> from;  // period (daily KPIs only), inclusive
  std::optional<kernel::Date> to;
  double value = 0;             // the report's figure
  double tolerance = 0.05;      // relative to value when relative, else absolute
  bool relative = true;
  bool fit = true;              // false: held out, reported only
  std::string source;           // where the figure comes from (free text)
};

struct CalibrationSection {
  std::vector<CalibrationParameter> parameters;
  std::vector<CalibrationTarget> targets;
  int replications = 5;
  int max_evaluations = 80;
};

/// One entry of `changes`: keys (dotted paths, as --set takes them) and their
/// values as YAML text, in force from 00:00 of `from`.
struct DatedChange {
  kernel::Date from{};
  std::vector<std::pair<std::string, std::string>> set;
};

/// A loaded, validated scenario.
struct Scenario {
  int schema_version = kSchemaVersion;
  std::string name;
  std::string description;
  model::PlatformConfig platform;
  RunSettings run;
  SweepSection sweep;
  CalibrationSection calibration;
  std::vector<DatedChange> changes;  // as written; platform.epochs holds them applied
};

/// A command-line override: dotted path (with [i] for list items) and a YAML value.
struct Override {
  std::string path;
  std::string value;
  std::string origin = "--set";  // the option it came from, for messages ("--vary", a calibration parameter)

  /// "--set KEY=VALUE": where a problem with this override is reported.
  [[nodiscard]] std::string label() const { return origin + " " + path + "=" + value; }
};

/// Parses "KEY=VALUE"; throws InputError if there is no '=' or the key is empty.
Override parse_override(const std::string& text);

/// Loads, checks and validates a scenario file, applying overrides first (they
/// go through the same checks). Relative data paths are resolved against the
/// file's folder. Throws InputError if the file cannot be read, ScenarioError
/// listing every problem otherwise.
Scenario load_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides = {});

/// Same, from text; `name` labels diagnostics and `base_dir` resolves data paths.
Scenario load_scenario_text(const std::string& text, const std::string& name,
                            const std::vector<Override>& overrides = {},
                            const std::filesystem::path& base_dir = ".");

/// Cross-field rules over typed data (no YAML); empty if the scenario is valid.
Diagnostics validate(const Scenario& scenario);

/// The scenario with every default filled in, as YAML that load_scenario reads back.
std::string to_yaml(const Scenario& scenario);

/// The resolved scenario as it identifies a run (scenario_hash, a sweep's identity):
/// to_yaml with every file named as the scenario wrote it, not by the absolute path
/// the resolved file gives, so the same scenario has the same identity in any folder
/// or machine (a case series' content is identified by its own hash).
std::string identity_yaml(const Scenario& scenario);

/// Every key path the reader knows, with "[]" for list items and "<name>" for
/// user-chosen names (pools, segments, months): what docs/scenario-format.md must list.
std::set<std::string> known_key_paths();

/// A key as its section declares it (sim/scenario/sections/).
struct KeyInfo {
  std::string path;                  // as in known_key_paths()
  std::string doc;                   // what it means, one line
  std::string unit;                  // of a bare number ("share", "calls/day"); empty otherwise
  bool required = false;             // must be given whenever its parent is
  std::vector<std::string> samples;  // valid YAML values (range ends, each choice ...), for tests
};

/// Every declared key, in document order. The paths below them that are not
/// keys of their own (a distribution's `dist`, a user-chosen `<name>`) are only
/// in known_key_paths().
std::vector<KeyInfo> declared_keys();

}  // namespace tracesim::scenario
