// SPDX-License-Identifier: Apache-2.0
// The commands that search over a scenario's parameters: the least staff that
// meets a target (staff) and the fit of declared parameters to declared
// targets (calibrate).
#include <algorithm>
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "interrupt.hpp"
#include "options.hpp"
#include "tracesim/output/atomic_file.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/scenario/units.hpp"
#include "tracesim/sweep/calibrate.hpp"
#include "tracesim/sweep/staff.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

constexpr Help kStaffHelp{
    "Usage: tracesim staff FILE --target 'KPI >= VALUE' (--pool NAME | --scale) [options]\n\n"
    "Finds the least staff for which the target holds with the given confidence across replications,\n"
    "by bisection over the level grid, assuming the KPI improves with staff. Every level uses the same\n"
    "random streams (common random numbers); replications are doubled while the confidence interval\n"
    "straddles the target. Prints the answer with the KPI's mean and bounds there and one step below.",
    "Examples:\n  tracesim staff scenarios/occitanie-2021.yaml --target 'contacts.reached_within_12h >= 0.9' --pool tracers\n"
    "  tracesim staff scenarios/inbound-tradeoff.yaml --target 'inbound.answer_rate >= 0.8' --scale\n"};

constexpr Help kCalibrateHelp{
    "Usage: tracesim calibrate FILE [options]\n\nFits the scenario's calibration.parameters "
    "(within their bounds) so that the simulated KPIs match calibration.targets\n(those with role: fit), "
    "by Nelder-Mead on the box of the bounds with common random numbers across candidates,\nthen reports every "
    "target (held-out ones too): report value, simulated mean, 95% CI, residual in tolerances.\n"
    "Refuses ill-posed set-ups: more free parameters than fitted targets, unknown KPIs.",
    "Examples:\n  tracesim calibrate scenarios/isere-2020.yaml --out results/isere-cal\n"
    "  tracesim calibrate scenarios/isere-2020.yaml --check     # the table of docs/calibration.md\n"};

// The search the options ask for on scenario `sc`.
sweep::StaffSearch staff_search_of(const po::variables_map& vm, const scenario::Scenario& sc) {
  sweep::StaffSearch search;
  try {
    search.target = sweep::parse_target(vm["target"].as<std::string>());
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  const bool scale = vm.count("scale") > 0;
  if (!scale) search.lever.pool = vm["pool"].as<std::string>();
  search.lever.min = vm.count("min") ? vm["min"].as<Real>().value : (scale ? 0.1 : 0.0);
  search.lever.max = vm.count("max") ? vm["max"].as<Real>().value : (scale ? 3.0 : 500.0);
  search.lever.step = vm.count("step") ? vm["step"].as<Real>().value : (scale ? 0.05 : 1.0);
  search.confidence = vm["confidence"].as<Real>().value;
  if (!(search.confidence > 0.5 && search.confidence < 1)) throw po::error("--confidence must be in (0.5, 1)");
  search.replications = vm["replications"].as<Count>().value;
  search.max_replications = std::max(search.replications, vm["max-replications"].as<Count>().value);
  if (search.replications < 2 || search.max_replications > 100000)
    throw po::error("--replications must be at least 2 and --max-replications at most 100000");
  search.seed = seed_of(vm, sc.run.seed);
  search.event_budget = sc.run.event_budget;
  search.threads = threads_of(vm);
  if (!scale) {
    bool found = false;
    for (const auto& p : sc.platform.pools) found = found || p.name == search.lever.pool;
    if (!found) throw po::error("no pool named '" + search.lever.pool + "' in the scenario");
  }
  return search;
}

// The answer on stdout, with the evidence at the answer and one step below.
void print_staff_answer(const sweep::StaffSearch& search, const sweep::StaffAnswer& answer) {
  const std::string what = search.lever.pool.empty() ? "staff factor" : "level of pool " + search.lever.pool;
  if (!answer.found) {
    std::cout << "the target " << search.target.kpi << (search.target.at_least ? " >= " : " <= ") << search.target.value
              << " does not hold with " << search.confidence * 100 << "% confidence even at " << what << " "
              << search.lever.max << "\n";
    return;
  }
  std::cout << "least " << what << ": " << answer.level << "\n";
  auto line = [&](const char* label, const sweep::LevelResult& r) {
    std::printf("  %-12s %-10g %s = %.4f, one-sided %g%% bounds [%.4f, %.4f] over %d replications: %s\n", label,
                r.level, search.target.kpi.c_str(), r.mean, search.confidence * 100, r.low, r.high, r.replications,
                r.holds ? "holds" : "not shown to hold");
  };
  line("at answer", answer.at_answer);
  if (answer.has_below) line("one below", answer.below);
}

// calibration.md: the fitted parameters (unless only checking), then every target.
std::string calibration_markdown(const scenario::Scenario& sc, const sweep::CalibrationOptions& options,
                                 const sweep::CalibrationResult& result) {
  std::string md;
  if (!options.check_only) {
    md += "Fitted parameters (" + std::to_string(result.evaluations) + " evaluations, " +
          std::to_string(sc.calibration.replications) + " replications each, seed " + std::to_string(options.seed) +
          "):\n\n| parameter | bounds | fitted value |\n|---|---|---|\n";
    for (std::size_t k = 0; k < result.value_texts.size(); ++k) {
      const auto& p = sc.calibration.parameters[k];
      auto b = [&](double v) {
        return p.is_duration ? scenario::format_duration(kernel::Duration{static_cast<std::int64_t>(std::llround(v))})
                             : output::csv_number(v);
      };
      md += "| `" + p.key + "` | " + b(p.min) + " .. " + b(p.max) + " | " + result.value_texts[k] + " |\n";
    }
    md += "\n";
  }
  md += "| target | report value | simulated mean | 95 % CI | residual (tolerances) | role |\n|---|---:|---:|---|---:|---|\n";
  char buf[512];
  for (const auto& t : result.targets) {
    std::string name = t.target.name;
    if (t.target.from || t.target.to)
      name += " (" + (t.target.from ? kernel::iso_date(*t.target.from) : std::string{"start"}) + " to " +
              (t.target.to ? kernel::iso_date(*t.target.to) : std::string{"end"}) + ")";
    std::snprintf(buf, sizeof buf, "| %s | %.6g | %.6g | [%.6g, %.6g] | %+.2f | %s |\n", name.c_str(), t.target.value,
                  t.mean, t.ci_low, t.ci_high, t.residual, t.target.fit ? "fitted" : "held out");
    md += buf;
  }
  return md;
}

}  // namespace

int command_staff(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("target", po::value<std::string>(), "the requirement, 'KPI >= VALUE' or 'KPI <= VALUE' (required)")
      ("confidence", po::value<Real>()->default_value(Real{0.95}, "0.95"), "one-sided confidence that the target holds")
      ("pool", po::value<std::string>(), "vary this pool: FTE of every step, or agents per shift of a roster")
      ("scale", "vary a factor on every pool's size instead (default range 0.1..3, step 0.05)")
      ("min", po::value<Real>(), "lowest level to consider (default 0 for --pool, 0.1 for --scale)")
      ("max", po::value<Real>(), "highest level to consider (default 500 for --pool, 3 for --scale)")
      ("step", po::value<Real>(), "level grid step (default 1 for --pool, 0.05 for --scale)")
      ("replications,r", po::value<Count>()->default_value(Count{10}, "10"), "replications per level at first")
      ("max-replications", po::value<Count>()->default_value(Count{160}, "160"), "replications doubled near the target up to this")
      ("seed", po::value<Whole>(), "seed, the same at every level (default: run.seed)")
      ("threads,j", po::value<Whole>()->default_value(Whole{0}, "0"), "worker threads; 0 = all cores");
  add_scenario_options(opts, "override a scenario key, KEY=VALUE (repeatable)");
  opts.add_options()("quiet,q", "print only the answer");
  po::variables_map vm;
  if (!parse_command(args, opts, vm, kStaffHelp)) return kOk;
  if (!vm.count("target")) throw po::error("missing --target 'KPI >= VALUE'");
  if (vm.count("pool") == vm.count("scale")) throw po::error("give exactly one of --pool NAME or --scale");
  const Loaded loaded = load(vm);
  const sweep::StaffSearch search = staff_search_of(vm, loaded.scenario);
  const bool quiet = vm.count("quiet") > 0;
  const char* unit = search.lever.pool.empty() ? "x" : "";
  auto log = [&](const sweep::LevelResult& r) {
    if (quiet) return;
    std::fprintf(stderr, "  level %-8g %s: mean %.4f, %g%% bounds [%.4f, %.4f], %d replications -> %s\n", r.level, unit,
                 r.mean, search.confidence * 100, r.low, r.high, r.replications, r.holds ? "holds" : "does not hold");
  };
  InterruptWatcher interrupt;
  sweep::StaffAnswer answer;
  try {
    answer = sweep::find_least_staff(loaded.document, loaded.overrides, search, interrupt.token(), log);
  } catch (const sweep::Interrupted&) {
    std::cerr << "tracesim: interrupted; no answer\n";
    return kInterrupted;
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  print_staff_answer(search, answer);
  return kOk;
}

int command_calibrate(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("check", "no search: evaluate every target at the scenario's own values (reproduces a calibration table)")
      ("seed", po::value<Whole>(), "seed, the same for every candidate (default: run.seed)")
      ("threads,j", po::value<Whole>()->default_value(Whole{0}, "0"), "worker threads; 0 = all cores")
      ("out,o", po::value<std::string>(), "also write calibration.md and scenario.calibrated.yaml here");
  add_scenario_options(opts, "override a scenario key, KEY=VALUE (repeatable)");
  opts.add_options()("quiet,q", "no progress lines");
  po::variables_map vm;
  if (!parse_command(args, opts, vm, kCalibrateHelp)) return kOk;
  const Loaded loaded = load(vm);
  const auto& sc = loaded.scenario;
  sweep::CalibrationOptions options;
  options.seed = seed_of(vm, sc.run.seed);
  options.threads = threads_of(vm);
  options.event_budget = sc.run.event_budget;
  options.check_only = vm.count("check") > 0;
  const bool quiet = vm.count("quiet") > 0;
  auto progress = [&](int n, const std::vector<std::string>& values, double objective) {
    if (quiet) return;
    std::string v;
    for (std::size_t k = 0; k < values.size(); ++k) v += (k ? ", " : "") + sc.calibration.parameters[k].key + "=" + values[k];
    std::fprintf(stderr, "  evaluation %d: %s -> sum of squared residuals %.4g\n", n, v.c_str(), objective);
  };
  InterruptWatcher interrupt;
  sweep::CalibrationResult result;
  try {
    result = sweep::calibrate(loaded.document, loaded.overrides, options, interrupt.token(), progress);
  } catch (const sweep::Interrupted&) {
    std::cerr << "tracesim: interrupted; no result\n";
    return kInterrupted;
  }
  const std::string md = calibration_markdown(sc, options, result);
  std::cout << md;
  if (vm.count("out")) {
    const std::filesystem::path dir{vm["out"].as<std::string>()};
    output::OutputFolder staging{dir};  // both files appear together or not at all
    output::write_file_atomic(staging.path() / "calibration.md", md);
    if (!options.check_only)
      output::write_file_atomic(staging.path() / "scenario.calibrated.yaml", result.calibrated_yaml);
    staging.commit();
    std::cout << "written: " << (dir / "calibration.md").string()
              << (options.check_only ? "" : " and scenario.calibrated.yaml") << "\n";
  }
  return kOk;
}

}  // namespace tracesim::cli
