// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "tracesim/output/atomic_file.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/sweep/calibrate.hpp"
#include "tracesim/sweep/sweep.hpp"

using namespace tracesim;
namespace fs = std::filesystem;

namespace {

const char* const kErlangC = TRACESIM_SOURCE_DIR "/tests/validation/erlang-c-rho085.yaml";
const char* const kSynthetic = TRACESIM_SOURCE_DIR "/tests/data/calibration-synthetic.yaml";

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

sweep::SweepSpec small_sweep() {
  sweep::SweepSpec spec;
  spec.base_overrides = {{"calendar.end", "2021-01-05"}};
  spec.axes = {sweep::parse_axis("staffing.pools.agents.roster[0].agents=[9],[11]"),
               sweep::parse_axis("inbound.per_day=1800:2000:200")};
  spec.replications = 3;
  spec.seed = 4;
  return spec;
}

}  // namespace

TEST_CASE("sweep: a grid from one parsed document gives the same files on 1 and 2 threads", "[sweep]") {
  const auto doc = scenario::Document::from_file(kErlangC);
  auto spec = small_sweep();
  const fs::path one = fresh_dir("tracesim-sweep-one");
  const fs::path two = fresh_dir("tracesim-sweep-two");
  spec.threads = 1;
  const auto a = sweep::run_sweep(doc, spec, one, {}, {});
  spec.threads = 2;
  const auto b = sweep::run_sweep(doc, spec, two, {}, {});
  CHECK(a.points_total == 4);
  CHECK(a.points_done == 4);
  CHECK(a.assembled);
  CHECK(b.assembled);
  for (const char* f : {"points.csv", "replications.csv", "sweep.json"}) {
    CAPTURE(f);
    CHECK(output::read_file(one / f) == output::read_file(two / f));
  }
  CHECK(output::read_file(one / "points.csv").rfind("point,staffing.pools.agents.roster[0].agents,inbound.per_day,", 0) == 0);
  fs::remove_all(one);
  fs::remove_all(two);
}

TEST_CASE("sweep: a bad grid value is reported against its --vary before anything runs", "[sweep]") {
  const auto doc = scenario::Document::from_file(kErlangC);
  auto spec = small_sweep();
  spec.axes = {sweep::parse_axis("inbound.per_day=1800,-3")};
  const fs::path dir = fresh_dir("tracesim-sweep-bad");
  try {
    (void)sweep::run_sweep(doc, spec, dir, {}, {});
    FAIL("no exception");
  } catch (const scenario::ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].file == "--vary inbound.per_day=-3");
    CHECK(e.diagnostics()[0].path == "inbound.per_day");
  }
  CHECK_FALSE(fs::exists(dir));
}

TEST_CASE("sweep: a calibration candidate that breaks a rule gets a located error", "[sweep]") {
  // The same scenario with bounds that reach past a probability's range: the
  // first simplex step tries answer probability 0.3 + 0.85 * 1.2 = 1.32.
  std::string text = output::read_file(kSynthetic);
  const std::string bounds = "min: 0.3, max: 0.9";
  REQUIRE(text.find(bounds) != std::string::npos);
  text.replace(text.find(bounds), bounds.size(), "min: 0.3, max: 1.5");
  text.replace(text.find("max_evaluations: 60"), 19, "max_evaluations: 4");
  text.replace(text.find("end: 2021-03-14"), 15, "end: 2021-03-02");
  const auto doc = scenario::Document::from_text(text, "synthetic.yaml");
  sweep::CalibrationOptions options;
  options.threads = 1;
  try {
    (void)sweep::calibrate(doc, {}, options, {}, {});
    FAIL("no exception");
  } catch (const scenario::ScenarioError& e) {
    REQUIRE_FALSE(e.diagnostics().empty());
    const auto& d = e.diagnostics()[0];
    CHECK(d.file.rfind("calibration parameter attempt.answer_probability[0]=", 0) == 0);
    CHECK(d.path == "attempt.answer_probability[0]");
  }
}
