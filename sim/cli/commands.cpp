// SPDX-License-Identifier: Apache-2.0
// The commands that simulate a scenario as given (check, run), grids of its
// variants (sweep, merge), and the analytic baseline (erlang); the searches
// (staff, calibrate) are in search_commands.cpp.
#include "answers.hpp"
#include "commands.hpp"

#include <algorithm>
#include <boost/program_options.hpp>
#include <boost/version.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "cluster_hooks.hpp"
#include "interrupt.hpp"
#include "intervals_option.hpp"
#include "progress.hpp"
#include "options.hpp"
#include "tracesim/analytic/erlang.hpp"
#include "tracesim/output/atomic_file.hpp"
#include "tracesim/output/monthly.hpp"
#include "tracesim/output/snapshot.hpp"
#include "tracesim/output/long_form.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/output/trace.hpp"
#include "tracesim/report/report.hpp"
#include "tracesim/scenario/units.hpp"
#include "tracesim/sweep/replications.hpp"
#include "tracesim/sweep/sweep.hpp"
#include "tracesim_version.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

constexpr Help kCheckHelp{
    "Usage: tracesim check FILE [options]\n\nValidates FILE and reports every problem "
    "(file:line:column: key: message); runs nothing.",
    "Examples:\n  tracesim check scenarios/occitanie-2021.yaml\n"
    "  tracesim check scenarios/occitanie-2021.yaml --print-resolved > resolved.yaml\n"};

constexpr Help kRunHelp{
    "Usage: tracesim run FILE [options]\n\nSimulates FILE over R replications and "
    "writes, in the output folder:\n  summary.json       each KPI: mean, sd, 95% CI, per-replication values\n"
    "  replications.csv   one row per replication, one column per KPI\n"
    "  daily.csv          one row per replication and day\n"
    "  monthly.csv        one row per month: means over replications, calls per working day\n"
    "  scenario.resolved.yaml, metadata.json   what was run, with which seed and version\n"
    "Files appear only when complete (written to a temporary name, then renamed).",
    "Examples:\n  tracesim run scenarios/occitanie-2021.yaml\n"
    "  tracesim run scenarios/occitanie-2021.yaml -r 50 -j 2 --seed 7 --out results/occ-seed7\n"
    "  tracesim run scenarios/occitanie-2021.yaml --cases data/cases/occitanie-76.csv\n"
    "  tracesim run scenarios/occitanie-2021.yaml --set calendar.end=2021-03-31 --trace\n"
    "  tracesim run scenarios/occitanie-2021.yaml --snapshot-at 2021-12-01 --out results/occ\n"
    "  tracesim run scenarios/occitanie-2021.yaml --from results/occ/snapshots/2021-12-01 "
    "--set 'staffing.pools.tracers.fte[2].fte=105'\n"
    "  tracesim run scenarios/occitanie-2021.yaml --from backlog.csv --set calendar.start=2021-12-06\n"};

constexpr Help kSweepHelp{
    "Usage: tracesim sweep FILE [options]\n\nRuns every combination of the varied keys "
    "(the first varies slowest), R replications each. Replication r uses the same random streams at every "
    "point (common random numbers), so differences between points are not noise.\nWrites, in the output "
    "folder:\n  points.csv         one row per point: each KPI's mean, sd, 95% CI half-width, replications\n"
    "  replications.csv   one row per point and replication\n"
    "  points/, sweep.json  finished points (each written when complete) and the sweep's identity",
    "Examples:\n  tracesim sweep scenarios/occitanie-2021.yaml --vary 'staffing.pools.tracers.fte[2].fte=40:120:10' -r 20\n"
    "  tracesim sweep s.yaml --vary 'staffing.pools.tracers.fte[2].fte=60,81' --vary sms.policy[2].contact_call=0,0.8\n"
    "  tracesim sweep s.yaml --out results/s --resume        # after Ctrl-C\n"
    "  tracesim sweep s.yaml --shard 2/3 --out results/s-2   # then: tracesim merge --out results/s results/s-1 results/s-2 results/s-3\n"};

// Writes a run's files; each appears only when complete.
void write_run_files(const std::filesystem::path& out_dir, const std::string& file, const scenario::Scenario& sc,
                     const std::vector<model::RunResult>& results) {
  const std::string resolved = scenario::to_yaml(sc);
  output::RunMeta meta;
  meta.tracesim_version = TRACESIM_VERSION;
  meta.scenario_name = sc.name;
  meta.scenario_file = file;
  meta.scenario_hash = output::fnv1a_hex(scenario::identity_yaml(sc));
  meta.seed = sc.run.seed;
  meta.replications = sc.run.replications;
  meta.schema_version = sc.schema_version;
  meta.boost_version = BOOST_LIB_VERSION;
  meta.compiler = __VERSION__;
  output::write_file_atomic(out_dir / "scenario.resolved.yaml", resolved);
  output::write_file_atomic(out_dir / "metadata.json", output::metadata_json(meta));
  const std::string daily = output::daily_csv(results);
  output::write_file_atomic(out_dir / "daily.csv", daily);
  output::write_file_atomic(out_dir / "daily_long.csv", output::wide_to_long_csv(daily, 2));
  output::write_file_atomic(out_dir / "monthly.csv", output::monthly_csv(results));
  output::write_file_atomic(out_dir / "replications.csv", output::replications_csv(results));
  output::write_file_atomic(out_dir / "summary_long.csv", output::kpis_long_csv(results));
  output::write_file_atomic(out_dir / "summary.json", output::summary_json(meta, results));
}

// An interrupted run keeps what is done: the replications finished in order
// (0 .. k-1) are a valid, smaller run of k, written as such.
int write_interrupted_run(output::OutputFolder& staging, const std::filesystem::path& out_dir, const std::string& file,
                          scenario::Scenario sc, const std::vector<model::RunResult>& kept) {
  const int asked = sc.run.replications;
  if (kept.empty()) {
    std::cerr << "tracesim: interrupted before any replication finished; no output written\n";
    return kInterrupted;
  }
  sc.run.replications = static_cast<int>(kept.size());
  write_run_files(staging.path(), file, sc, kept);
  staging.commit();
  std::cerr << "tracesim: interrupted; wrote the " << kept.size() << " replication" << (kept.size() == 1 ? "" : "s")
            << " finished in order (0 to " << kept.size() - 1 << ") of " << asked << " to " << out_dir.string()
            << "/ (no traces, intervals or report: they follow replication 0 to the end)\n";
  return kInterrupted;
}

// --snapshot-at DATE[,DATE...] as days of the calendar, in order; each after the
// run's first day (a snapshot is of a midnight the run passes) and within the calendar.
std::vector<std::int32_t> snapshot_days_of(const po::variables_map& vm, const scenario::Scenario& sc) {
  std::vector<std::int32_t> days;
  if (!vm.count("snapshot-at")) return days;
  if (in_mpi_job()) throw po::error("--snapshot-at is not available over MPI ranks: run it in one process");
  const auto& cal = sc.platform.calendar;
  const std::int32_t first = sc.platform.initial_state ? sc.platform.initial_state->first_day : 0;
  std::istringstream list(vm["snapshot-at"].as<std::string>());
  std::string text;
  while (std::getline(list, text, ',')) {
    kernel::Date d;
    if (!kernel::parse_iso_date(text, d))
      throw po::error("--snapshot-at expects ISO dates YYYY-MM-DD separated by commas, got '" + text + "'");
    const std::int32_t day = d.days - cal.start.days;
    if (day <= first || d > cal.end)
      throw po::error("--snapshot-at " + text + ": expected a day after the run's first day (" +
                      kernel::iso_date(kernel::Date{cal.start.days + first}) + ") and not after calendar.end (" +
                      kernel::iso_date(cal.end) + ")");
    if (!days.empty() && day <= days.back())
      throw po::error("--snapshot-at: give the dates in increasing order, each once");
    days.push_back(day);
  }
  if (days.empty()) throw po::error("--snapshot-at expects at least one date");
  return days;
}

// "i/n" as a 0-based shard index and a shard count.
void parse_shard(const std::string& text, sweep::SweepSpec& spec) {
  int i = 0;
  int n = 0;
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> i >> slash >> n) || slash != '/' || !in.eof() || n < 1 || i < 1 || i > n)
    throw po::error("--shard expects i/n with 1 <= i <= n, got '" + text + "'");
  spec.shard_index = i - 1;
  spec.shard_count = n;
}

// The sweep the options ask for, on `base` (the scenario with --set and --cases).
sweep::SweepSpec sweep_spec_of(const po::variables_map& vm, const Loaded& loaded) {
  const auto& base = loaded.scenario;
  sweep::SweepSpec spec;
  spec.base_overrides = loaded.overrides;
  try {
    if (vm.count("vary")) {
      for (const auto& v : vm["vary"].as<std::vector<std::string>>()) spec.axes.push_back(sweep::parse_axis(v));
    } else {
      for (const auto& [key, value] : base.sweep.vary) spec.axes.push_back(sweep::parse_axis(key, value));
    }
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  if (spec.axes.empty()) throw po::error("nothing to vary: give --vary KEY=VALUES or a sweep section in the scenario");
  spec.replications = vm.count("replications") ? vm["replications"].as<Count>().value
                      : base.sweep.replications > 0 ? base.sweep.replications
                                                    : base.run.replications;
  if (spec.replications < 1 || spec.replications > 100000) throw po::error("--replications must be between 1 and 100000");
  spec.seed = seed_of(vm, base.run.seed);
  spec.event_budget = event_budget_of(vm, base.run.event_budget);
  spec.threads = threads_of(vm);
  spec.resume = vm.count("resume") > 0;
  if (vm.count("shard")) parse_shard(vm["shard"].as<std::string>(), spec);
  return spec;
}

}  // namespace

int command_check(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help");
  add_scenario_options(opts, "override a key, KEY=VALUE (repeatable)");
  opts.add_options()("print-resolved", "print the scenario with every default filled in")
      ("json", "print the verdict as JSON (problems still go to stderr, exit 65)");
  po::variables_map vm;
  if (!parse_command(args, opts, vm, kCheckHelp)) return kOk;
  const auto sc = load(vm).scenario;
  if (vm.count("print-resolved")) {
    std::cout << scenario::to_yaml(sc);
  } else if (vm.count("json")) {
    std::cout << check_json(vm["file"].as<std::string>(), sc).dump(2) << "\n";
  } else {
    std::cout << vm["file"].as<std::string>() << ": ok (" << sc.name << ", "
              << (sc.platform.calendar.end.days - sc.platform.calendar.start.days + 1) << " days, "
              << sc.platform.pools.size() << " pool" << (sc.platform.pools.size() == 1 ? "" : "s") << ")\n";
  }
  return kOk;
}

int command_run(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("seed", po::value<Whole>(), "base random seed (default: run.seed of the scenario)")
      ("replications,r", po::value<Count>(), "number of replications (default: run.replications)")
      ("threads,j", po::value<Whole>()->default_value(Whole{0}, "0"), kThreadsHelp)
      ("out,o", po::value<std::string>(), "output folder (default: results/<scenario name>)");
  add_scenario_options(opts, "override a scenario key, KEY=VALUE (repeatable); checked like the file");
  opts.add_options()("trace", "also write attempts.csv and tasks.csv for replication 0 (streamed)")
      ("event-budget", po::value<Whole>(), "stop a replication after this many events (default: run.event_budget)")
      ("intervals", po::value<std::string>()->implicit_value("all"),
       "also write intervals.csv (replication 0, per 30 minutes) for the days FROM:TO, or all days without a value, "
       "and reach_by_arrival_day.csv")
      ("report", "also write report.html, the run drawn as one self-contained page (see tracesim report); implies --intervals")
      ("snapshot-at", po::value<std::string>(),
       "DATE[,DATE...]: save each replication's state at 00:00 of these days in snapshots/DATE/ (continue with "
       "--from FOLDER: the same results from that day on)")
      ("quiet,q", "no progress and no summary table");
  po::variables_map vm;
  if (!parse_command(args, opts, vm, kRunHelp)) return kOk;
  const Loaded loaded = load(vm);
  auto sc = loaded.scenario;
  sc.run.seed = seed_of(vm, sc.run.seed);
  if (vm.count("replications")) {
    const int r = vm["replications"].as<Count>().value;
    if (r < 1 || r > 100000) throw po::error("--replications must be between 1 and 100000");
    sc.run.replications = r;
  }
  sc.run.event_budget = event_budget_of(vm, sc.run.event_budget);
  const unsigned threads = threads_of(vm);
  note_threads(vm, threads);
  sweep::RunSpec spec;
  spec.plan = std::make_shared<const model::Plan>(model::compile(sc.platform));
  spec.seed = sc.run.seed;
  spec.replications = sc.run.replications;
  spec.threads = threads;
  spec.event_budget = sc.run.event_budget;
  if (mpi_worker()) {  // another rank of an MPI job: computes replications, writes nothing
    serve_replications(spec);
    return kOk;
  }
  const std::filesystem::path out_dir = out_dir_of(vm, std::filesystem::path{"results"} / sc.name);
  // Every file goes to a temporary folder beside out_dir, renamed when all are
  // written: the results appear together or not at all (throws: exit 74).
  output::OutputFolder staging{out_dir};

  auto period = interval_period(vm, sc);
  if (const auto& initial = sc.platform.initial_state)  // from a snapshot: its intervals start on its day
    period.first = std::max(period.first, kernel::Date{sc.platform.calendar.start.days + initial->first_day});
  std::optional<output::CsvTrace> trace;
  if (vm.count("trace")) trace.emplace(staging.path());
  std::optional<output::IntervalRecorder> intervals;
  if (vm.count("intervals") || vm.count("report")) intervals.emplace(sc.platform.calendar.start);
  output::ObserverPair observers(trace ? &*trace : nullptr, intervals ? &*intervals : nullptr);
  InterruptWatcher interrupt;
  Progress progress(progress_mode(vm));
  const Stopwatch clock;
  spec.stop = interrupt.token();
  spec.progress = [&](int done, int total) {
    progress.update(sc.name + ": " + std::to_string(done) + "/" + std::to_string(total) + " replications, " +
                        elapsed_and_left(clock.elapsed_s(), done, total),
                    done == total);
  };
  spec.observer0 = trace || intervals ? &observers : nullptr;
  spec.snapshot_days = snapshot_days_of(vm, sc);
  auto outcome = sweep::Replications{};
  try {
    outcome = distributed_replications(spec);
  } catch (const model::SnapshotError& e) {
    std::cerr << "tracesim run: " << e.what() << "; no output written\n";
    return kInvalidInput;
  }
  progress.finish();
  if (outcome.stopped || interrupt.interrupted()) {
    trace.reset();  // a partial trace is not kept
    return write_interrupted_run(staging, out_dir, loaded.file, sc, outcome.results);
  }
  const auto& results = outcome.results;
  write_run_files(staging.path(), loaded.file, sc, results);
  for (std::size_t r = 0; r < results.size(); ++r)
    for (const model::Snapshot& s : results[r].snapshots)
      output::write_snapshot(staging.path() / "snapshots", r, s, sc.platform);
  if (trace) trace->commit();
  if (intervals) write_interval_files(staging.path(), *intervals, period);
  if (vm.count("report")) report::write_report(staging.path());
  staging.commit();
  if (!vm.count("quiet")) {
    std::cout << sc.name << ": " << results.size() << " replication" << (results.size() == 1 ? "" : "s")
              << ", seed " << sc.run.seed << "\n"
              << output::console_table(results) << "results in " << out_dir.string() << "/\n";
  }
  return kOk;
}

int command_sweep(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("vary", po::value<std::vector<std::string>>()->composing(),
       "a scenario key and its values: KEY=FROM:TO:STEP or KEY=V1,V2,... (repeatable; default: the file's sweep section)")
      ("replications,r", po::value<Count>(), "replications per grid point (default: sweep.replications, then run.replications)")
      ("seed", po::value<Whole>(), "base seed, the same at every point (default: run.seed)")
      ("threads,j", po::value<Whole>()->default_value(Whole{0}, "0"), kThreadsHelp)
      ("out,o", po::value<std::string>(), "output folder (default: results/<scenario name>-sweep)");
  add_scenario_options(opts, "override a key at every point, KEY=VALUE (repeatable)");
  opts.add_options()("resume", "continue an interrupted sweep in the same --out folder: finished points are kept")
      ("shard", po::value<std::string>(), "run only slice i of n of the grid, i/n with 1 <= i <= n (see tracesim merge)")
      ("event-budget", po::value<Whole>(), "stop a replication after this many events")
      ("report", "also write report.html, each KPI against the varied keys (see tracesim report)")
      ("quiet,q", "no progress");
  po::variables_map vm;
  if (!parse_command(args, opts, vm, kSweepHelp)) return kOk;
  const Loaded loaded = load(vm);
  const sweep::SweepSpec spec = sweep_spec_of(vm, loaded);
  note_threads(vm, spec.threads);
  if (mpi_worker()) {  // another rank of an MPI job: computes points, writes nothing
    InterruptWatcher interrupt;
    serve_points(loaded.document, spec, interrupt.token());
    return kOk;
  }
  const auto out_dir = out_dir_of(vm, std::filesystem::path{"results"} / (loaded.scenario.name + "-sweep"));
  Progress shown(progress_mode(vm));
  const Stopwatch clock;
  auto progress = [&](std::size_t points_done, std::size_t points, std::size_t reps_done, std::size_t reps) {
    shown.update(std::to_string(points_done) + "/" + std::to_string(points) + " points, " + std::to_string(reps_done) +
                     "/" + std::to_string(reps) + " replications, " +
                     elapsed_and_left(clock.elapsed_s(), static_cast<double>(reps_done), static_cast<double>(reps)),
                 points_done == points);
  };
  InterruptWatcher interrupt;
  const auto outcome = sweep::run_sweep(loaded.document, spec, out_dir, interrupt.token(), progress, point_farm());
  shown.finish();
  if (outcome.interrupted || interrupt.interrupted()) {
    std::string again = "tracesim sweep";
    for (const auto& a : args) again += " '" + a + "'";
    if (!spec.resume) again += " --resume";
    std::cerr << "tracesim: interrupted; " << outcome.points_done << " of " << outcome.points_in_shard
              << " points are saved in " << out_dir.string() << "/points. Continue with:\n  " << again << "\n";
    return kInterrupted;
  }
  if (outcome.assembled && vm.count("report")) report::write_report(out_dir);
  if (!vm.count("quiet")) {
    std::cout << outcome.points_done << " of " << outcome.points_in_shard << " points done (" << outcome.points_resumed
              << " resumed), " << spec.replications << " replications each\n";
    if (outcome.assembled) {
      std::cout << "results in " << out_dir.string() << "/points.csv and replications.csv\n";
    } else {
      std::cout << "shard " << spec.shard_index + 1 << "/" << spec.shard_count << " saved in " << out_dir.string()
                << "/points; when every shard has run: tracesim merge OUT SHARD_DIR...\n";
    }
  }
  return kOk;
}

int command_merge(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")("out,o", po::value<std::string>(), "the merged folder (required)")
      ("shards", po::value<std::vector<std::string>>(), "shard folders");
  po::positional_options_description pos;
  pos.add("shards", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << "Usage: tracesim merge --out DIR SHARD_DIR...\n\nCombines the folders of a sharded sweep "
                 "(tracesim sweep --shard i/n) into exactly the files one unsharded run writes.\n\n"
              << opts << "\nExample:\n  tracesim merge --out results/s results/s-1 results/s-2 results/s-3\n";
    return kOk;
  }
  if (!vm.count("out")) throw po::error("missing --out DIR");
  if (!vm.count("shards")) throw po::error("missing the shard folders");
  std::vector<std::filesystem::path> dirs;
  for (const auto& d : vm["shards"].as<std::vector<std::string>>()) {
    if (!std::filesystem::exists(std::filesystem::path{d} / "sweep.json"))
      throw scenario::InputError("'" + d + "' is not a sweep folder (no sweep.json)");
    dirs.emplace_back(d);
  }
  sweep::merge_shards(dirs, vm["out"].as<std::string>());
  std::cout << "merged " << dirs.size() << " shards into " << vm["out"].as<std::string>() << "\n";
  return kOk;
}

int command_erlang(const std::vector<std::string>& args) {
  po::options_description opts("Options (times in minutes, rates per minute)");
  opts.add_options()("help,h", "show this help")
      ("arrivals", po::value<Real>(), "arrival rate, calls per minute (or use --per-hour / --per-day)")
      ("per-hour", po::value<Real>(), "arrival rate, calls per hour")
      ("per-day", po::value<Real>(), "arrival rate, calls per 24 h")
      ("handle", po::value<std::string>(), "mean handle time (talk + wrap-up), a duration such as 6m or 7m30s")
      ("patience", po::value<std::string>(), "mean patience, a duration; omit for Erlang C (nobody hangs up)")
      ("agents,c", po::value<Count>(), "number of agents")
      ("threshold", po::value<std::string>()->default_value("20s"), "service level threshold, a duration")
      ("target", po::value<Real>(), "instead of --agents: find the least agents with service level >= TARGET")
      ("json", "print the figures as JSON (times in seconds, rates per hour)");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << "Usage: tracesim erlang --arrivals RATE --handle DURATION [--patience DURATION] (--agents C | --target SL)\n\n"
                 "Erlang C (M/M/c) or, with --patience, Erlang A (M/M/c+M): wait probability, mean wait, service level\n"
                 "(share of all callers answered within the threshold) and abandonment, or the least agents meeting a\n"
                 "service-level target. The analytic baseline for a stationary inbound line.\n\n"
              << opts
              << "\nExamples:\n  tracesim erlang --arrivals 10 --handle 10m --patience 10m --agents 110\n"
                 "  tracesim erlang --per-hour 120 --handle 6m --target 0.8 --threshold 20s\n";
    return kOk;
  }
  auto duration = [&](const char* key) {
    const auto d = scenario::parse_duration(vm[key].as<std::string>());
    if (!d || d->count() <= 0)
      throw po::error(std::string{"--"} + key + " expects a positive duration such as 90s, 6m or 7m30s");
    return static_cast<double>(d->count()) / 60000.0;
  };
  const int rates = static_cast<int>(vm.count("arrivals") + vm.count("per-hour") + vm.count("per-day"));
  if (rates != 1) throw po::error("give exactly one of --arrivals, --per-hour, --per-day");
  if (!vm.count("handle")) throw po::error("missing --handle");
  if (vm.count("agents") == vm.count("target")) throw po::error("give exactly one of --agents or --target");
  analytic::ErlangInput in;
  in.arrival_rate = vm.count("arrivals") ? vm["arrivals"].as<Real>().value
                    : vm.count("per-hour") ? vm["per-hour"].as<Real>().value / 60.0
                                           : vm["per-day"].as<Real>().value / 1440.0;
  in.mean_handle = duration("handle");
  if (vm.count("patience")) in.mean_patience = duration("patience");
  const auto threshold = scenario::parse_duration(vm["threshold"].as<std::string>());
  if (!threshold) throw po::error("--threshold expects a duration such as 20s");
  in.service_level_threshold = static_cast<double>(threshold->count()) / 60000.0;
  if (!(in.arrival_rate > 0)) throw po::error("the arrival rate must be positive");
  try {
    if (vm.count("target")) {
      in.agents = analytic::least_agents(in, vm["target"].as<Real>().value);
    } else {
      in.agents = vm["agents"].as<Count>().value;
    }
    const auto r = analytic::erlang(in);
    if (vm.count("json")) {
      std::cout << erlang_json(in, r, vm.count("target") > 0).dump(2) << "\n";
      return kOk;
    }
    std::printf("model               %s\n", in.mean_patience > 0 ? "Erlang A (M/M/c+M)" : "Erlang C (M/M/c)");
    std::printf("agents              %d%s\n", in.agents, vm.count("target") ? "  (least meeting the target)" : "");
    std::printf("offered load        %.4f Erlangs\n", r.offered_load);
    if (!r.stable) {
      std::printf("unstable: the load is at least the number of agents; the queue grows without bound\n");
      return kOk;
    }
    std::printf("occupancy           %.4f\n", r.occupancy);
    std::printf("wait probability    %.4f\n", r.wait_probability);
    std::printf("mean wait           %.2f s (all callers), %.2f s (answered)\n", r.mean_wait * 60, r.mean_wait_answered * 60);
    std::printf("service level       %.4f answered within %s\n", r.service_level, vm["threshold"].as<std::string>().c_str());
    std::printf("abandonment         %.4f\n", r.abandon_probability);
    std::printf("answer rate         %.4f\n", 1.0 - r.abandon_probability);
    std::printf("mean queue length   %.4f\n", r.mean_queue_length);
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  return kOk;
}

}  // namespace tracesim::cli
