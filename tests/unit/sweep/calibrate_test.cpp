// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "tracesim/scenario/document.hpp"
#include "tracesim/sweep/calibrate.hpp"
#include "tracesim/sweep/kpi.hpp"
#include "tracesim/sweep/replications.hpp"

using namespace tracesim;

namespace {

struct Step {
  std::vector<std::string> values;
  double objective = 0;
};

// The objective of the candidate with these value texts, computed from scratch:
// the candidate's own replications, run alone, and the sum of squared residuals.
double direct_objective(const scenario::Document& doc, const std::vector<scenario::Override>& overrides,
                        const std::vector<std::string>& values, std::uint64_t seed) {
  const auto base = doc.resolve(overrides);
  const auto& cal = base.calibration;
  auto o = overrides;
  for (std::size_t k = 0; k < values.size(); ++k) o.push_back({cal.parameters[k].key, values[k], "calibration parameter"});
  sweep::RunSpec run;
  run.plan = std::make_shared<const model::Plan>(model::compile(doc.resolve(o).platform));
  run.seed = seed;
  run.replications = cal.replications;
  run.threads = 1;
  const auto results = sweep::run_replications(run).results;
  const auto names = sweep::kpi_names(base.platform);
  double sum = 0;
  for (const auto& t : cal.targets) {
    if (!t.fit) continue;
    const auto kpi = *sweep::find_kpi(names, t.kpi, t.from, t.to);
    double total = 0;
    for (const auto& r : results) total += sweep::kpi_value(r, kpi);
    const double mean = total / static_cast<double>(cal.replications);
    const double scale = t.relative ? std::abs(t.value) * t.tolerance : t.tolerance;
    const double residual = (mean - t.value) / scale;
    sum += residual * residual;
  }
  return sum;
}

std::vector<Step> calibrate_path(const scenario::Document& doc, const std::vector<scenario::Override>& overrides,
                                 const sweep::CalibrationOptions& options, sweep::CalibrationResult& result) {
  std::vector<Step> path;
  result = sweep::calibrate(doc, overrides, options, {},
                            [&](int, const std::vector<std::string>& values, double objective) {
                              path.push_back({values, objective});
                            });
  return path;
}

}  // namespace

TEST_CASE("sweep: every calibration candidate's objective is what its own replications give", "[sweep][calibrate]") {
  const auto doc = scenario::Document::from_file(TRACESIM_SOURCE_DIR "/tests/data/calibration-synthetic.yaml");
  sweep::CalibrationOptions options;
  options.seed = 11;
  options.threads = 2;
  sweep::CalibrationResult result;
  const auto path = calibrate_path(doc, {}, options, result);
  REQUIRE(path.size() == static_cast<std::size_t>(result.evaluations));
  REQUIRE(path.size() >= 5);
  // The first five are BOBYQA's first model, simulated as one batch before it asked.
  CHECK(path[0].values == std::vector<std::string>{"10m", "0.6"});
  CHECK(path[1].values == std::vector<std::string>{"13m", "0.6"});
  CHECK(path[2].values == std::vector<std::string>{"10m", "0.75"});
  CHECK(path[3].values == std::vector<std::string>{"7m", "0.6"});
  CHECK(path[4].values == std::vector<std::string>{"10m", "0.45"});
  for (const auto& step : path) {
    CAPTURE(step.values);
    CHECK(step.objective == direct_objective(doc, {}, step.values, options.seed));  // exactly
  }
  CHECK(result.candidates_run == result.evaluations);  // no candidate repeats here
  // The same search on one thread gives the same path.
  options.threads = 1;
  sweep::CalibrationResult one;
  const auto path1 = calibrate_path(doc, {}, options, one);
  REQUIRE(path1.size() == path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    CHECK(path1[i].values == path[i].values);
    CHECK(path1[i].objective == path[i].objective);
  }
  CHECK(one.value_texts == result.value_texts);
}

TEST_CASE("sweep: a calibration candidate written as one already run is not simulated again", "[sweep][calibrate]") {
  const auto doc = scenario::Document::from_file(TRACESIM_SOURCE_DIR "/tests/data/calibration-synthetic.yaml");
  // Bounds so narrow that every answer probability is written 0.6: the first model's
  // steps along that axis repeat the centre.
  const std::vector<scenario::Override> narrow{{"calibration.parameters[1].min", "0.5999999"},
                                               {"calibration.parameters[1].max", "0.6000001"}};
  sweep::CalibrationOptions options;
  options.seed = 5;
  options.threads = 2;
  sweep::CalibrationResult result;
  const auto path = calibrate_path(doc, narrow, options, result);
  REQUIRE(path.size() >= 5);
  CHECK(path[2].values == path[0].values);
  CHECK(path[4].values == path[0].values);
  int distinct = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    bool seen = false;
    for (std::size_t j = 0; j < i; ++j) seen = seen || path[j].values == path[i].values;
    distinct += seen ? 0 : 1;
    CAPTURE(path[i].values);
    CHECK(path[i].objective == direct_objective(doc, narrow, path[i].values, options.seed));
  }
  CHECK(result.candidates_run == distinct);
  CHECK(result.candidates_run < result.evaluations);
}
