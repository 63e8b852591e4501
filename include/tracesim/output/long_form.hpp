// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tracesim/model/results.hpp"

// Long ("tidy") forms of the wide tables: one value per row, so a new KPI or
// column is a new value of `kpi` or `measure`, never a new column.
namespace tracesim::output {

/// summary_long.csv: `kpi,stat,value`, stat in mean, sd, ci95_low, ci95_high, n
/// (as summary.json; the interval at 95 %).
std::string kpis_long_csv(const std::vector<model::RunResult>& results);

/// The wide CSV `wide` (a header row, no quoted cells) as `<its first `keys`
/// columns>,measure,value`: one row per other column of each row, in order.
std::string wide_to_long_csv(const std::string& wide, std::size_t keys);

}  // namespace tracesim::output
