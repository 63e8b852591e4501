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
#include <optional>

#include "answers.hpp"
#include "commands.hpp"
#include "interrupt.hpp"
#include "options.hpp"
#include "tracesim/output/atomic_file.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/report/report.hpp"
#include "tracesim/scenario/units.hpp"
#include "tracesim/sweep/calibrate.hpp"
#include "tracesim/sweep/calibration_table.hpp"
#include "tracesim/sweep/staff.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

constexpr Help kStaffHelp{
    "Usage: tracesim staff FILE --target 'KPI >= VALUE' (--pool NAME | --scale) [options]\n\n"
    "Finds the least staff for which the target holds with the given confidence across replications,\n"
    "narrowing a bracket over the level grid, assuming the KPI improves with staff. Every level uses the\n"
    "same random streams (common random numbers). Levels far from the target are settled by a first\n"
    "pass of 2 or 4 replications; the answer and the level below it get the full verdict: -r\n"
    "replications, doubled while the confidence interval straddles the target (no replication is run\n"
    "twice). Prints the answer with the KPI's mean and bounds there and one step below.",
    "Examples:\n  tracesim staff scenarios/occitanie-2021.yaml --target 'contacts.reached_within_12h >= 0.9' --pool tracers\n"
    "  tracesim staff scenarios/inbound-tradeoff.yaml --target 'inbound.answer_rate >= 0.8' --scale\n"};

constexpr Help kCalibrateHelp{
    "Usage: tracesim calibrate FILE [options]\n\nFits the scenario's calibration.parameters "
    "(within their bounds) so that the simulated KPIs match calibration.targets\n(those with role: fit), "
    "by NLopt's BOBYQA on the box of the bounds with common random numbers across candidates,\nthen reports every "
    "target (held-out ones too): report value, simulated mean, 95% CI, relative error, role,\nwithin tolerance. "
    "Refuses ill-posed set-ups: more free parameters than fitted targets, unknown KPIs.\n"
    "Ctrl-C during the search keeps the best point so far (printed and written, marked interrupted).",
    "Examples:\n  tracesim calibrate scenarios/isere-2020.yaml --out results/isere-cal\n"
    "  tracesim calibrate scenarios/isere-2020.yaml --check     # the table of docs/calibration.md\n"
    "  tracesim calibrate scenarios/aller-vers-2021.yaml --check --holdout 'wave 1 people reached'\n"};

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
  search.lever.max = vm.count("max") ? vm["max"].as<Real>().value : (scale ? 3.0 : kPoolLevelMax);
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

// Evidence that the KPI is not monotone in staff, before the answer that assumed it.
void print_monotonicity(const sweep::StaffSearch& search, const sweep::StaffAnswer& answer) {
  if (answer.monotone()) return;
  std::cout << "warning: " << search.target.kpi << " is not monotone in staff over the levels tried; "
            << "the search's answer may not be the least level\n";
  auto level = [](const sweep::LevelResult& r) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%g: %.4f [%.4f, %.4f]", r.level, r.mean, r.low, r.high);
    return std::string{buf};
  };
  for (const auto& r : answer.fails_above) std::cout << "  fails above the answer at " << level(r) << "\n";
  for (const auto& [lower, higher] : answer.against_staff)
    std::cout << "  moves against staff from " << level(lower) << " to " << level(higher) << "\n";
}

// The answer on stdout, with the evidence at the answer and one step below.
void print_staff_answer(const sweep::StaffSearch& search, const sweep::StaffAnswer& answer) {
  const std::string what = search.lever.pool.empty() ? "staff factor" : "level of pool " + search.lever.pool;
  print_monotonicity(search, answer);
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
  if (result.interrupted)
    md += "Search interrupted after " + std::to_string(result.evaluations) +
          " evaluations: these are the best point so far.\n\n";
  if (!options.check_only) {
    const std::string to_tolerance = result.evaluations_to_tolerance > 0
                                         ? "fitted targets within tolerance from evaluation " +
                                               std::to_string(result.evaluations_to_tolerance)
                                         : "fitted targets never all within tolerance";
    md += "Fitted parameters (" + std::to_string(result.evaluations) + " evaluations, " + to_tolerance + ", " +
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
  md += "| target | report value | simulated mean | 95 % CI | relative error | role | within tolerance |\n"
        "|---|---:|---:|---|---:|---|---|\n";
  char buf[512];
  for (const auto& t : result.targets) {
    char tolerance[48];
    if (t.target.relative)
      std::snprintf(tolerance, sizeof tolerance, "±%g %%", t.target.tolerance * 100);
    else
      std::snprintf(tolerance, sizeof tolerance, "±%g", t.target.tolerance);
    std::snprintf(buf, sizeof buf, "| %s | %.6g | %.6g | [%.6g, %.6g] | %+.1f %% | %s | %s (%s) |\n",
                  sweep::target_label(t.target).c_str(), t.target.value, t.mean, t.ci_low, t.ci_high,
                  t.relative_error * 100, t.target.fit ? "fitted" : "held out", t.within ? "yes" : "no", tolerance);
    md += buf;
  }
  return md;
}

// What an interrupted calibration leaves: the best candidate so far, and where the search is kept.
void print_calibration_interrupt(const scenario::Scenario& sc, const CalibrationStep* best,
                                 const std::optional<std::filesystem::path>& out) {
  std::cerr << "tracesim: interrupted; no result";
  if (best) {
    std::string v;
    for (std::size_t k = 0; k < best->values.size(); ++k)
      v += (k ? ", " : "") + sc.calibration.parameters[k].key + "=" + best->values[k];
    std::cerr << "; best so far (evaluation " << best->evaluation << "): " << v;
  }
  if (out) std::cerr << "; the search so far is in " << (*out / "calibration.json").string();
  std::cerr << "\n";
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
      ("replications,r", po::value<Count>()->default_value(Count{10}, "10"), "replications of a level's verdict at first (after a first pass of 2, 4)")
      ("max-replications", po::value<Count>()->default_value(Count{160}, "160"), "replications doubled near the target up to this")
      ("seed", po::value<Whole>(), "seed, the same at every level (default: run.seed)")
      ("threads,j", po::value<Whole>()->default_value(Whole{0}, "0"), kThreadsHelp);
  add_scenario_options(opts, "override a scenario key, KEY=VALUE (repeatable)");
  opts.add_options()("out,o", po::value<std::string>(), "keep staff.json here, updated after every level (the evidence "
                                                        "and the best level so far)")
      ("json", "print the answer as JSON (the content of staff.json) instead of text")
      ("report", "also write report.html into --out: the evidence at every level tried")
      ("quiet,q", "print only the answer");
  po::variables_map vm;
  if (!parse_command(args, opts, vm, kStaffHelp)) return kOk;
  if (!vm.count("target")) throw po::error("missing --target 'KPI >= VALUE'");
  if (vm.count("pool") == vm.count("scale")) throw po::error("give exactly one of --pool NAME or --scale");
  const Loaded loaded = load(vm);
  const sweep::StaffSearch search = staff_search_of(vm, loaded.scenario);
  if (vm.count("report") && !vm.count("out")) throw po::error("--report needs --out DIR");
  const bool quiet = vm.count("quiet") > 0;
  note_threads(vm, search.threads);
  const char* unit = search.lever.pool.empty() ? "x" : "";
  std::optional<std::filesystem::path> out;
  if (vm.count("out")) {
    out = vm["out"].as<std::string>();
    std::filesystem::create_directories(*out);  // throws std::system_error: exit 74
  }
  std::vector<sweep::LevelResult> tried;
  const auto save = [&](const sweep::StaffAnswer* answer) {
    if (out) output::write_file_atomic(*out / "staff.json", staff_json(loaded.scenario, loaded.file, search, tried, answer).dump(2) + "\n");
  };
  std::optional<double> best;
  auto log = [&](const sweep::LevelResult& r) {
    // One entry per level: its verdict replaces its first pass.
    const auto same = std::find_if(tried.begin(), tried.end(), [&](const auto& t) { return t.level == r.level; });
    if (same == tried.end()) tried.push_back(r);
    else *same = r;
    best.reset();
    for (const auto& t : tried)
      if (t.holds && (!best || t.level < *best)) best = t.level;
    save(nullptr);
    if (quiet) return;
    const char* verdict = r.holds ? "holds" : "does not hold";
    if (r.screened && !r.holds)
      verdict = sweep::shown_not_to_hold(search.target, r) ? "does not hold (first pass)"
                                                             : "undecided (first pass), placed by its mean";
    else if (r.screened)
      verdict = "holds (first pass)";
    std::fprintf(stderr, "  level %-8g %s: mean %.4f, %g%% bounds [%.4f, %.4f], %d replications -> %s", r.level, unit,
                 r.mean, search.confidence * 100, r.low, r.high, r.replications, verdict);
    if (best) std::fprintf(stderr, "; least level holding so far %g", *best);
    std::fprintf(stderr, "\n");
  };
  InterruptWatcher interrupt;
  sweep::StaffAnswer answer;
  try {
    answer = sweep::find_least_staff(loaded.document, loaded.overrides, search, interrupt.token(), log);
  } catch (const sweep::Interrupted&) {
    std::cerr << "tracesim: interrupted; no answer";
    if (best) std::cerr << "; the least level that held so far is " << *best;
    if (out) std::cerr << "; the evidence so far is in " << (*out / "staff.json").string();
    std::cerr << "\n";
    return kInterrupted;
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  save(&answer);
  if (!quiet) std::fprintf(stderr, "  %d replications run in all\n", answer.replications_run);
  if (vm.count("report")) report::write_report(*out);
  if (vm.count("json")) {
    std::cout << staff_json(loaded.scenario, loaded.file, search, tried, &answer).dump(2) << "\n";
  } else {
    print_staff_answer(search, answer);
  }
  return kOk;
}

int command_calibrate(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("check", "no search: evaluate every target at the scenario's own values (reproduces a calibration table)")
      ("seed", po::value<Whole>(), "seed, the same for every candidate (default: run.seed)")
      ("threads,j", po::value<Whole>()->default_value(Whole{0}, "0"), kThreadsHelp)
      ("holdout", po::value<std::vector<std::string>>()->composing(),
       "report these targets (NAME[,NAME...]) without fitting them, whatever their 'fit' (repeatable)")
      ("out,o", po::value<std::string>(),
       "also write calibration.md, .csv, calibration.json (kept up to date while searching) and "
       "scenario.calibrated.yaml here");
  add_scenario_options(opts, "override a scenario key, KEY=VALUE (repeatable)");
  opts.add_options()("json", "print the result as JSON (the content of calibration.json) instead of the table")
      ("report", "also write report.html into --out: the targets table and the search's path")
      ("quiet,q", "no progress lines");
  po::variables_map vm;
  if (!parse_command(args, opts, vm, kCalibrateHelp)) return kOk;
  const Loaded loaded = load(vm);
  const auto& sc = loaded.scenario;
  sweep::CalibrationOptions options;
  options.seed = seed_of(vm, sc.run.seed);
  options.threads = threads_of(vm);
  options.event_budget = sc.run.event_budget;
  options.check_only = vm.count("check") > 0;
  if (vm.count("holdout"))
    for (const auto& list : vm["holdout"].as<std::vector<std::string>>())
      for (std::size_t at = 0; at <= list.size();) {
        const std::size_t comma = std::min(list.find(',', at), list.size());
        if (comma > at) options.holdout.push_back(list.substr(at, comma - at));
        at = comma + 1;
      }
  if (vm.count("report") && !vm.count("out")) throw po::error("--report needs --out DIR");
  const bool quiet = vm.count("quiet") > 0;
  note_threads(vm, options.threads);
  std::optional<std::filesystem::path> out;
  if (vm.count("out")) {
    out = vm["out"].as<std::string>();
    std::filesystem::create_directories(*out);  // throws std::system_error: exit 74
  }
  std::vector<CalibrationStep> path;
  const auto save = [&](const sweep::CalibrationResult* result) {
    if (out)
      output::write_file_atomic(*out / "calibration.json",
                                calibration_json(sc, loaded.file, options, path, result).dump(2) + "\n");
  };
  const CalibrationStep* best = nullptr;
  auto progress = [&](int n, const std::vector<std::string>& values, double objective) {
    path.push_back({n, values, objective});
    best = nullptr;
    for (const auto& step : path)
      if (!best || step.objective < best->objective) best = &step;
    save(nullptr);
    if (quiet) return;
    std::string v;
    for (std::size_t k = 0; k < values.size(); ++k) v += (k ? ", " : "") + sc.calibration.parameters[k].key + "=" + values[k];
    std::fprintf(stderr, "  evaluation %d: %s -> sum of squared residuals %.4g (best so far %.4g, evaluation %d)\n", n,
                 v.c_str(), objective, best->objective, best->evaluation);
  };
  InterruptWatcher interrupt;
  sweep::CalibrationResult result;
  try {
    result = sweep::calibrate(loaded.document, loaded.overrides, options, interrupt.token(), progress);
  } catch (const sweep::Interrupted&) {
    print_calibration_interrupt(sc, best, out);
    return kInterrupted;
  }
  save(&result);
  const std::string md = calibration_markdown(sc, options, result);
  if (vm.count("json")) {
    std::cout << calibration_json(sc, loaded.file, options, path, &result).dump(2) << "\n";
  } else {
    std::cout << md;
  }
  if (out) {
    output::write_file_atomic(*out / "calibration.md", md);
    output::write_file_atomic(*out / "calibration.csv", sweep::calibration_csv(result));
    const std::string note = result.interrupted ? "# calibrate was interrupted after " +
                                                      std::to_string(result.evaluations) +
                                                      " evaluations: these values are the best point so far.\n"
                                                : "";
    if (!options.check_only) output::write_file_atomic(*out / "scenario.calibrated.yaml", note + result.calibrated_yaml);
    if (vm.count("report")) report::write_report(*out);
    if (!vm.count("json"))
      std::cout << "written: " << (*out / "calibration.md").string() << ", .csv, .json"
                << (options.check_only ? "" : " and scenario.calibrated.yaml") << "\n";
  }
  if (result.interrupted) std::cerr << "tracesim: interrupted; the best point so far is kept\n";
  return result.interrupted ? kInterrupted : kOk;
}

}  // namespace tracesim::cli
