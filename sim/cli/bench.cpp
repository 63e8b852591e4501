// SPDX-License-Identifier: Apache-2.0
// `tracesim bench`: the benchmark suite in the binary, so that users measure their own
// machine without a build tree (bench/run.sh adds the full-year and national runs).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "options.hpp"
#include "tracesim/kernel/rng.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/model/platform.hpp"
#include "tracesim/output/atomic_file.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/sweep/calibrate.hpp"
#include "tracesim/sweep/kpi.hpp"
#include "tracesim/sweep/replications.hpp"
#include "tracesim/sweep/staff.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

// The Erlang-A centre of bench/scenarios/mmc.yaml: 10 calls/min, 10 min handling and
// patience, 110 agents round the clock. END is replaced by the last day of the run.
constexpr const char* kMmc = R"(schema_version: 1
name: mmc
calendar: { start: 2021-01-04, end: END, opening: { all_days: { open: "00:00", close: "24:00" } } }
demand: { index_cases: { curve: { constant: 0 } } }
inbound:
  per_day: 14400
  patience: { dist: exponential, mean: 10m }
  talk: { dist: exponential, mean: 10m }
  wrap_up: 0s
staffing:
  pools:
    agents:
      skills: [inbound]
      roster: [{ from: 2021-01-04, agents: [110] }]
      shifts: [{ start: "00:00", end: "24:00" }]
      no_new_attempt_before_end: 0s
)";

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The hold model: each event schedules its successor a random delay later, so the
// number of pending events stays at `pending`. Returns events per second.
double kernel_hold(std::size_t pending, std::uint64_t events) {
  kernel::Simulator sim;
  kernel::KeyedEngine rng{42};
  const auto spread = static_cast<std::uint64_t>(2 * pending);
  for (std::size_t i = 0; i < pending; ++i)
    sim.schedule_at(kernel::at_ms(static_cast<std::int64_t>(rng() % spread)), kernel::Phase::Arrival, 1,
                    static_cast<std::uint32_t>(i));
  auto step = [&](const kernel::Event& e) {
    sim.schedule_in(kernel::Duration{1 + static_cast<std::int64_t>(rng() % spread)}, kernel::Phase::Arrival, e.kind,
                    e.entity);
  };
  sim.set_event_budget(pending);  // warm-up to steady state
  try {
    sim.run_until(kernel::at_ms(INT64_MAX / 4), step);
  } catch (const kernel::EventBudgetExceeded&) {
  }
  sim.set_event_budget(pending + events);
  const auto t0 = std::chrono::steady_clock::now();
  try {
    sim.run_until(kernel::at_ms(INT64_MAX / 4), step);
  } catch (const kernel::EventBudgetExceeded&) {
  }
  return static_cast<double>(events) / seconds_since(t0);
}

// One replication of `plan`, model only (compiled beforehand, outside the timing),
// repeated until 3 runs or 10 s: the median wall time and the events of a run.
struct ScenarioTiming {
  double ms = 0;
  double events = 0;
  int runs = 0;
};
ScenarioTiming time_scenario(const model::Plan& plan) {
  std::vector<double> ms;
  ScenarioTiming timing;
  const auto start = std::chrono::steady_clock::now();
  while (ms.size() < 3 && (ms.empty() || seconds_since(start) < 10)) {
    model::RunOptions o;
    o.seed = 1;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = model::simulate(plan, o);
    ms.push_back(1000 * seconds_since(t0));
    timing.events = static_cast<double>(r.events);
  }
  std::sort(ms.begin(), ms.end());
  timing.ms = ms[ms.size() / 2];
  timing.runs = static_cast<int>(ms.size());
  return timing;
}

// A scenario for --searches, read and checked before any measuring.
struct SearchBench {
  std::string name;  // the file's stem
  scenario::Document document;
  sweep::StaffSearch staff;
  bool calibrates = false;  // the scenario has a calibration section
};

SearchBench search_bench_of(const std::string& file, const po::variables_map& vm, unsigned threads) {
  SearchBench b{std::filesystem::path{file}.stem().string(), scenario::Document::from_file(file), {}, false};
  const scenario::Scenario sc = b.document.resolve({});
  b.calibrates = !sc.calibration.parameters.empty();
  try {
    b.staff.target = sweep::parse_target(vm["staff-target"].as<std::string>());
    sweep::resolve_kpi(sweep::kpi_names(sc.platform), b.staff.target.kpi);  // an unknown KPI fails now
  } catch (const std::invalid_argument& e) {
    throw po::error(std::string{"--staff-target: "} + e.what());
  }
  if (sc.platform.pools.empty()) throw po::error(file + ": --searches needs a scenario with a staff pool");
  b.staff.lever.pool = vm.count("staff-pool") ? vm["staff-pool"].as<std::string>() : sc.platform.pools.front().name;
  const bool known = std::any_of(sc.platform.pools.begin(), sc.platform.pools.end(),
                                 [&](const auto& p) { return p.name == b.staff.lever.pool; });
  if (!known) throw po::error("--staff-pool: no pool named '" + b.staff.lever.pool + "' in " + file);
  b.staff.lever.max = kPoolLevelMax;  // as `tracesim staff --pool` by default (min 0, step 1)
  b.staff.seed = sc.run.seed;
  b.staff.event_budget = sc.run.event_budget;
  b.staff.threads = threads;
  return b;
}

}  // namespace

int command_bench(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")("quick", "small sizes (a few seconds): checks, does not measure")
      ("json", po::value<std::string>(), "also write the results as JSON to this file")
      ("threads,j", po::value<Whole>()->default_value(Whole{0}, "0"), "threads for the scaling test and --searches; 0 = the CPUs this process may use")
      ("scenario", po::value<std::vector<std::string>>()->composing(),
       "also time one replication of this scenario, model only: the median of 3 runs (fewer past 10 s); "
       "repeat for several, e.g. the installed occitanie-2021.yaml")
      ("searches", po::value<std::vector<std::string>>()->composing(),
       "also time the searches on this scenario, on -j threads, as `tracesim staff` and `tracesim calibrate` "
       "run them: the least staff of --staff-pool for --staff-target, and the calibration if the scenario "
       "has one (repeatable)")
      ("staff-pool", po::value<std::string>(), "the pool --searches varies (default: the scenario's first pool)")
      ("staff-target", po::value<std::string>()->default_value("contacts.reached_within_12h >= 0.8"),
       "the target of --searches' staff search");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << "Usage: tracesim bench [--quick] [--json FILE] [--scenario FILE]... [--searches FILE]...\n\n"
                 "Measures this machine: the event kernel "
                 "(schedule + pop with 10^2, 10^4 and 10^6 pending events),\nthe Erlang-A call centre (1 million "
                 "callers, 110 agents) through the model, and replications\non 1 thread against all threads. "
                 "About a minute. bench/run.sh in the source tree adds the\nfull-year and national scenarios.\n\n"
              << opts
              << "\nExamples:\n  tracesim bench --json bench.json\n"
                 "  tracesim bench --scenario /usr/share/tracesim/scenarios/occitanie-2021.yaml   # installed\n"
                 "  tracesim bench --scenario scenarios/occitanie-2021.yaml   # in the source tree\n"
                 "  tracesim bench --searches /usr/share/tracesim/scenarios/occitanie-2021.yaml --staff-pool tracers\n";
    return kOk;
  }
  const bool quick = vm.count("quick") > 0;
  // Scenarios are read first, so that a bad file fails before a minute of measuring.
  std::vector<std::pair<std::string, model::Plan>> scenarios;
  if (vm.count("scenario"))
    for (const auto& file : vm["scenario"].as<std::vector<std::string>>())
      scenarios.emplace_back(std::filesystem::path{file}.stem().string(),
                             model::compile(scenario::load_scenario(file).platform));
  const unsigned threads = sweep::effective_threads(threads_of(vm));
  std::vector<SearchBench> searches;
  if (vm.count("searches"))
    for (const auto& file : vm["searches"].as<std::vector<std::string>>())
      searches.push_back(search_bench_of(file, vm, threads));
  nlohmann::ordered_json results;
  auto report = [&](const std::string& name, double value, const char* unit) {
    std::printf("%-40s %16.6g %s\n", name.c_str(), value, unit);
    std::fflush(stdout);
    results[name] = value;
  };
  std::printf("%-40s %16s\n", "benchmark", "value");
  for (std::size_t pending : {std::size_t{100}, std::size_t{10'000}, std::size_t{1'000'000}}) {
    if (quick && pending > 10'000) continue;
    report("kernel_events_per_s_pending_" + std::to_string(pending), kernel_hold(pending, quick ? 100'000 : 5'000'000),
           "events/s");
  }
  std::string mmc = kMmc;
  mmc.replace(mmc.find("END"), 3, quick ? "2021-01-06" : "2021-03-14");  // 3 or 70 days
  const auto sc = scenario::load_scenario_text(mmc, "mmc");
  model::RunOptions o;
  o.seed = 1;
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = model::simulate(sc.platform, o);
  const double wall = seconds_since(t0);
  report("mmc_callers", static_cast<double>(r.inbound.offered), "callers");
  report("mmc_callers_per_s", static_cast<double>(r.inbound.offered) / wall, "callers/s");
  report("mmc_events_per_s", static_cast<double>(r.events) / wall, "events/s");
  // Replications on 1 thread, then on all: the results must be identical.
  std::string shorter = kMmc;
  shorter.replace(shorter.find("END"), 3, quick ? "2021-01-04" : "2021-01-10");
  const auto small = scenario::load_scenario_text(shorter, "mmc-short");
  const int reps = quick ? 4 : 16;
  sweep::RunSpec spec;
  spec.plan = std::make_shared<const model::Plan>(model::compile(small.platform));
  spec.replications = reps;
  spec.threads = 1;
  auto t1 = std::chrono::steady_clock::now();
  const auto one = sweep::run_replications(spec).results;
  const double wall_one = seconds_since(t1);
  spec.threads = threads;
  t1 = std::chrono::steady_clock::now();
  const auto many = sweep::run_replications(spec).results;
  const double wall_many = seconds_since(t1);
  for (std::size_t i = 0; i < one.size(); ++i)
    if (one[i].events != many[i].events || one[i].inbound.answered != many[i].inbound.answered) {
      std::cerr << "tracesim bench: replication " << i << " differs between 1 and " << threads << " threads\n";
      return kInternal;
    }
  report("replications_1_thread_s", wall_one, "s");
  report("replications_" + std::to_string(threads) + "_threads_s", wall_many, "s");
  report("replications_speedup", wall_one / wall_many, "x");
  for (const auto& [name, plan] : scenarios) {
    const ScenarioTiming t = time_scenario(plan);
    report(name + "_ms_per_replication", t.ms, "ms");
    report(name + "_events_per_s", t.events / (t.ms / 1000), "events/s");
  }
  for (const SearchBench& b : searches) {
    // Quick: a few replications, to check the code path; the full search otherwise.
    sweep::StaffSearch staff = b.staff;
    if (quick) staff.replications = staff.max_replications = 2;
    auto t = std::chrono::steady_clock::now();
    // A search can take minutes: each level and candidate is said on stderr as it ends.
    const auto answer = sweep::find_least_staff(b.document, {}, staff, {}, [&](const sweep::LevelResult& level) {
      std::fprintf(stderr, "  %s: staff level %g, %d replications\n", b.name.c_str(), level.level, level.replications);
    });
    report(b.name + "_staff_s", seconds_since(t), "s");
    report(b.name + "_staff_replications", answer.replications_run, "replications");
    if (answer.found) report(b.name + "_staff_level", answer.level, staff.lever.pool.c_str());
    if (!b.calibrates) continue;
    sweep::CalibrationOptions calibration;
    calibration.seed = staff.seed;
    calibration.threads = threads;
    calibration.event_budget = staff.event_budget;
    calibration.check_only = quick;
    t = std::chrono::steady_clock::now();
    const auto fit = sweep::calibrate(b.document, {}, calibration, {}, [&](int n, const auto&, double) {
      std::fprintf(stderr, "  %s: calibration candidate %d\n", b.name.c_str(), n);
    });
    report(b.name + "_calibrate_s", seconds_since(t), "s");
    report(b.name + "_calibrate_candidates", fit.candidates_run, "candidates");
  }
  results["threads"] = threads;
  results["hardware_threads"] = std::thread::hardware_concurrency();
  if (vm.count("json")) {
    output::write_file_atomic(vm["json"].as<std::string>(), results.dump(2) + "\n");
    std::cout << "written: " << vm["json"].as<std::string>() << "\n";
  }
  return kOk;
}

}  // namespace tracesim::cli
