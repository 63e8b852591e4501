// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tracesim/model/results.hpp"

namespace tracesim::output {

/// One scalar result of a replication, named as in docs/outputs.md.
struct Kpi {
  std::string name;  // e.g. "contacts.reached_within_12h"
  double value = 0;  // NaN when undefined (a share of nothing)
};

/// The scalar KPIs of one replication, in a fixed order.
std::vector<Kpi> kpis(const model::RunResult& result);

/// Provenance of a run, written to metadata.json and summary.json.
struct RunMeta {
  std::string tracesim_version;
  std::string scenario_name;
  std::string scenario_file;
  std::string scenario_hash;  // FNV-1a 64 of the resolved scenario text, hex
  std::uint64_t seed = 0;
  int replications = 0;
  int schema_version = 0;
  std::string boost_version;
  std::string compiler;
};

/// 64-bit FNV-1a of `text`, as 16 hex digits.
std::string fnv1a_hex(const std::string& text);

/// summary.json: metadata, then each KPI's mean, sd, 95 % CI and per-replication values.
std::string summary_json(const RunMeta& meta, const std::vector<model::RunResult>& results);

/// metadata.json: the provenance alone.
std::string metadata_json(const RunMeta& meta);

/// daily.csv: one row per replication and simulated day.
std::string daily_csv(const std::vector<model::RunResult>& results);

/// replications.csv: one row per replication, one column per KPI.
std::string replications_csv(const std::vector<model::RunResult>& results);

/// A short human-readable table of the main KPIs (mean ± CI half-width).
std::string console_table(const std::vector<model::RunResult>& results);

/// Formats a double for CSV: shortest text that reads back to the same value;
/// empty for NaN.
std::string csv_number(double v);

}  // namespace tracesim::output
