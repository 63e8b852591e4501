// SPDX-License-Identifier: Apache-2.0
#include "commands.hpp"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <boost/version.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <stop_token>

#include "interrupt.hpp"
#include "tracesim/analytic/erlang.hpp"
#include "tracesim/output/atomic_file.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/output/trace.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/scenario/units.hpp"
#include "tracesim/sweep/replications.hpp"
#include "tracesim/sweep/calibrate.hpp"
#include "tracesim/sweep/staff.hpp"
#include "tracesim/sweep/sweep.hpp"
#include "tracesim_version.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::vector<std::string> parse(const std::vector<std::string>& args, const po::options_description& visible,
                               po::variables_map& vm, const char* usage, const char* examples) {
  po::options_description all;
  all.add(visible);
  all.add_options()("file", po::value<std::string>(), "scenario file");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << usage << "\n" << visible << "\n" << examples;
    return {"--help"};
  }
  if (!vm.count("file")) throw po::error("missing the scenario FILE");
  return {};
}

std::vector<scenario::Override> overrides_of(const po::variables_map& vm) {
  std::vector<scenario::Override> out;
  if (vm.count("set"))
    for (const auto& s : vm["set"].as<std::vector<std::string>>()) {
      try {
        out.push_back(scenario::parse_override(s));
      } catch (const scenario::InputError& e) {
        throw po::error(e.what());  // a malformed option is a usage error
      }
    }
  if (vm.count("cases")) {
    const auto path = std::filesystem::absolute(vm["cases"].as<std::string>());
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
      throw scenario::InputError("cannot read the case series '" + path.string() + "' given by --cases: no such file");
    out.push_back({"demand.index_cases.curve", "{daily_csv: \"" + path.string() + "\"}", "--cases"});
  }
  return out;
}

}  // namespace

int command_check(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("set", po::value<std::vector<std::string>>()->composing(), "override a key, KEY=VALUE (repeatable)")
      ("cases", po::value<std::string>(), "daily positives CSV (date,positives) to use as the case curve")
      ("print-resolved", "print the scenario with every default filled in");
  po::variables_map vm;
  if (!parse(args, opts, vm, "Usage: tracesim check FILE [options]\n\nValidates FILE and reports every problem "
             "(file:line:column: key: message); runs nothing.",
             "Examples:\n  tracesim check scenarios/occitanie-2021.yaml\n"
             "  tracesim check scenarios/occitanie-2021.yaml --print-resolved > resolved.yaml\n")
           .empty())
    return kOk;
  const auto sc = scenario::load_scenario(vm["file"].as<std::string>(), overrides_of(vm));
  if (vm.count("print-resolved")) {
    std::cout << scenario::to_yaml(sc);
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
      ("seed", po::value<std::uint64_t>(), "base random seed (default: run.seed of the scenario)")
      ("replications,r", po::value<int>(), "number of replications (default: run.replications)")
      ("threads,j", po::value<unsigned>()->default_value(0), "worker threads; 0 = all cores. Results do not depend on it")
      ("out,o", po::value<std::string>(), "output folder (default: results/<scenario name>)")
      ("set", po::value<std::vector<std::string>>()->composing(), "override a scenario key, KEY=VALUE (repeatable); checked like the file")
      ("cases", po::value<std::string>(), "daily positives CSV (date,positives) to use as the case curve")
      ("trace", "also write attempts.csv and tasks.csv for replication 0 (streamed)")
      ("event-budget", po::value<std::uint64_t>(), "stop a replication after this many events (default: run.event_budget)")
      ("quiet,q", "no progress and no summary table");
  po::variables_map vm;
  if (!parse(args, opts, vm, "Usage: tracesim run FILE [options]\n\nSimulates FILE over R replications and "
             "writes, in the output folder:\n  summary.json       each KPI: mean, sd, 95% CI, per-replication values\n"
             "  replications.csv   one row per replication, one column per KPI\n"
             "  daily.csv          one row per replication and day\n"
             "  scenario.resolved.yaml, metadata.json   what was run, with which seed and version\n"
             "Files appear only when complete (written to a temporary name, then renamed).",
             "Examples:\n  tracesim run scenarios/occitanie-2021.yaml\n"
             "  tracesim run scenarios/occitanie-2021.yaml -r 50 -j 2 --seed 7 --out results/occ-seed7\n"
             "  tracesim run scenarios/occitanie-2021.yaml --cases data/occitanie-2021.csv\n"
             "  tracesim run scenarios/occitanie-2021.yaml --set calendar.end=2021-03-31 --trace\n")
           .empty())
    return kOk;
  const std::string file = vm["file"].as<std::string>();
  auto sc = scenario::load_scenario(file, overrides_of(vm));
  if (vm.count("seed")) sc.run.seed = vm["seed"].as<std::uint64_t>();
  if (vm.count("replications")) {
    const int r = vm["replications"].as<int>();
    if (r < 1 || r > 100000) throw po::error("--replications must be between 1 and 100000");
    sc.run.replications = r;
  }
  if (vm.count("event-budget")) sc.run.event_budget = vm["event-budget"].as<std::uint64_t>();
  const unsigned threads = vm["threads"].as<unsigned>();
  if (threads > 1024) throw po::error("--threads must be at most 1024");
  const bool quiet = vm.count("quiet") > 0;
  const std::filesystem::path out_dir =
      vm.count("out") ? std::filesystem::path{vm["out"].as<std::string>()} : std::filesystem::path{"results"} / sc.name;
  std::filesystem::create_directories(out_dir);  // throws std::system_error: exit 74

  std::optional<output::CsvTrace> trace;
  if (vm.count("trace")) trace.emplace(out_dir);

  InterruptWatcher interrupt;

  const bool show_progress = !quiet && ::isatty(STDERR_FILENO);
  const auto started = std::chrono::steady_clock::now();
  auto progress = [&](int done, int total) {
    if (!show_progress) return;
    const double elapsed = seconds_since(started);
    const double eta = done > 0 ? elapsed * (total - done) / done : 0.0;
    std::fprintf(stderr, "\r%s: %d/%d replications, %.1f s elapsed, ETA %.1f s   ", sc.name.c_str(), done, total,
                 elapsed, eta);
    if (done == total) std::fprintf(stderr, "\n");
  };
  sweep::RunSpec spec;
  spec.config = std::make_shared<const model::PlatformConfig>(sc.platform);
  spec.seed = sc.run.seed;
  spec.replications = sc.run.replications;
  spec.threads = threads;
  spec.event_budget = sc.run.event_budget;
  spec.stop = interrupt.token();
  spec.progress = progress;
  spec.observer0 = trace ? &*trace : nullptr;
  const auto [results, stopped] = sweep::run_replications(spec);
  if (stopped || interrupt.interrupted()) {
    std::cerr << "\ntracesim: interrupted; no output written (partial traces removed)\n";
    return kInterrupted;
  }

  const std::string resolved = scenario::to_yaml(sc);
  output::RunMeta meta;
  meta.tracesim_version = TRACESIM_VERSION;
  meta.scenario_name = sc.name;
  meta.scenario_file = file;
  meta.scenario_hash = output::fnv1a_hex(resolved);
  meta.seed = sc.run.seed;
  meta.replications = sc.run.replications;
  meta.schema_version = sc.schema_version;
  meta.boost_version = BOOST_LIB_VERSION;
  meta.compiler = __VERSION__;
  output::write_file_atomic(out_dir / "scenario.resolved.yaml", resolved);
  output::write_file_atomic(out_dir / "metadata.json", output::metadata_json(meta));
  output::write_file_atomic(out_dir / "daily.csv", output::daily_csv(results));
  output::write_file_atomic(out_dir / "replications.csv", output::replications_csv(results));
  output::write_file_atomic(out_dir / "summary.json", output::summary_json(meta, results));
  if (trace) trace->commit();
  if (!quiet) {
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
      ("replications,r", po::value<int>(), "replications per grid point (default: sweep.replications, then run.replications)")
      ("seed", po::value<std::uint64_t>(), "base seed, the same at every point (default: run.seed)")
      ("threads,j", po::value<unsigned>()->default_value(0), "worker threads; 0 = all cores. Results do not depend on it")
      ("out,o", po::value<std::string>(), "output folder (default: results/<scenario name>-sweep)")
      ("set", po::value<std::vector<std::string>>()->composing(), "override a key at every point, KEY=VALUE (repeatable)")
      ("cases", po::value<std::string>(), "daily positives CSV (date,positives) to use as the case curve")
      ("resume", "continue an interrupted sweep in the same --out folder: finished points are kept")
      ("shard", po::value<std::string>(), "run only slice i of n of the grid, i/n with 1 <= i <= n (see tracesim merge)")
      ("event-budget", po::value<std::uint64_t>(), "stop a replication after this many events")
      ("quiet,q", "no progress");
  po::variables_map vm;
  if (!parse(args, opts, vm, "Usage: tracesim sweep FILE [options]\n\nRuns every combination of the varied keys "
             "(the first varies slowest), R replications each. Replication r uses the same random streams at every "
             "point (common random numbers), so differences between points are not noise.\nWrites, in the output "
             "folder:\n  points.csv         one row per point: each KPI's mean, sd, 95% CI half-width, replications\n"
             "  replications.csv   one row per point and replication\n"
             "  points/, sweep.json  finished points (each written when complete) and the sweep's identity",
             "Examples:\n  tracesim sweep scenarios/occitanie-2021.yaml --vary 'staffing.pools.tracers.fte[2].fte=40:120:10' -r 20\n"
             "  tracesim sweep s.yaml --vary 'staffing.pools.tracers.fte[2].fte=60,81' --vary sms.policy[2].contact_call=0,0.8\n"
             "  tracesim sweep s.yaml --out results/s --resume        # after Ctrl-C\n"
             "  tracesim sweep s.yaml --shard 2/3 --out results/s-2   # then: tracesim merge results/s results/s-1 ...\n")
           .empty())
    return kOk;
  sweep::SweepSpec spec;
  spec.base_overrides = overrides_of(vm);
  const auto document = scenario::Document::from_file(vm["file"].as<std::string>());
  const auto base = document.resolve(spec.base_overrides);
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
  spec.replications = vm.count("replications") ? vm["replications"].as<int>()
                      : base.sweep.replications > 0 ? base.sweep.replications
                                                    : base.run.replications;
  if (spec.replications < 1 || spec.replications > 100000) throw po::error("--replications must be between 1 and 100000");
  spec.seed = vm.count("seed") ? vm["seed"].as<std::uint64_t>() : base.run.seed;
  spec.event_budget = vm.count("event-budget") ? vm["event-budget"].as<std::uint64_t>() : base.run.event_budget;
  spec.threads = vm["threads"].as<unsigned>();
  spec.resume = vm.count("resume") > 0;
  if (vm.count("shard")) {
    const std::string sh = vm["shard"].as<std::string>();
    int i = 0;
    int n = 0;
    char slash = 0;
    std::istringstream in(sh);
    if (!(in >> i >> slash >> n) || slash != '/' || !in.eof() || n < 1 || i < 1 || i > n)
      throw po::error("--shard expects i/n with 1 <= i <= n, got '" + sh + "'");
    spec.shard_index = i - 1;
    spec.shard_count = n;
  }
  const std::filesystem::path out_dir = vm.count("out") ? std::filesystem::path{vm["out"].as<std::string>()}
                                                        : std::filesystem::path{"results"} / (base.name + "-sweep");
  const bool show = !vm.count("quiet") && ::isatty(STDERR_FILENO);
  const auto started = std::chrono::steady_clock::now();
  auto progress = [&](std::size_t points_done, std::size_t points, std::size_t reps_done, std::size_t reps) {
    if (!show) return;
    const double elapsed = seconds_since(started);
    const double eta = reps_done > 0 ? elapsed * static_cast<double>(reps - reps_done) / static_cast<double>(reps_done) : 0;
    std::fprintf(stderr, "\r%zu/%zu points, %zu/%zu replications, %.1f s elapsed, ETA %.1f s   ", points_done, points,
                 reps_done, reps, elapsed, eta);
  };
  InterruptWatcher interrupt;
  const auto outcome = sweep::run_sweep(document, spec, out_dir, interrupt.token(), progress);
  if (show) std::fprintf(stderr, "\n");
  if (outcome.interrupted || interrupt.interrupted()) {
    std::string again = "tracesim sweep";
    for (const auto& a : args) again += " '" + a + "'";
    if (!spec.resume) again += " --resume";
    std::cerr << "tracesim: interrupted; " << outcome.points_done << " of " << outcome.points_in_shard
              << " points are saved in " << out_dir.string() << "/points. Continue with:\n  " << again << "\n";
    return kInterrupted;
  }
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

int command_staff(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("target", po::value<std::string>(), "the requirement, 'KPI >= VALUE' or 'KPI <= VALUE' (required)")
      ("confidence", po::value<double>()->default_value(0.95), "one-sided confidence that the target holds")
      ("pool", po::value<std::string>(), "vary this pool: FTE of every step, or agents per shift of a roster")
      ("scale", "vary a factor on every pool's size instead (default range 0.1..3, step 0.05)")
      ("min", po::value<double>(), "lowest level to consider (default 0 for --pool, 0.1 for --scale)")
      ("max", po::value<double>(), "highest level to consider (default 500 for --pool, 3 for --scale)")
      ("step", po::value<double>(), "level grid step (default 1 for --pool, 0.05 for --scale)")
      ("replications,r", po::value<int>()->default_value(10), "replications per level at first")
      ("max-replications", po::value<int>()->default_value(160), "replications doubled near the target up to this")
      ("seed", po::value<std::uint64_t>(), "seed, the same at every level (default: run.seed)")
      ("threads,j", po::value<unsigned>()->default_value(0), "worker threads; 0 = all cores")
      ("set", po::value<std::vector<std::string>>()->composing(), "override a scenario key, KEY=VALUE (repeatable)")
      ("cases", po::value<std::string>(), "daily positives CSV (date,positives) to use as the case curve")
      ("quiet,q", "print only the answer");
  po::variables_map vm;
  if (!parse(args, opts, vm, "Usage: tracesim staff FILE --target 'KPI >= VALUE' (--pool NAME | --scale) [options]\n\n"
             "Finds the least staff for which the target holds with the given confidence across replications,\n"
             "by bisection over the level grid, assuming the KPI improves with staff. Every level uses the same\n"
             "random streams (common random numbers); replications are doubled while the confidence interval\n"
             "straddles the target. Prints the answer with the KPI's mean and bounds there and one step below.",
             "Examples:\n  tracesim staff scenarios/occitanie-2021.yaml --target 'contacts.reached_within_12h >= 0.9' --pool tracers\n"
             "  tracesim staff scenarios/inbound-tradeoff.yaml --target 'inbound.answer_rate >= 0.8' --scale\n")
           .empty())
    return kOk;
  if (!vm.count("target")) throw po::error("missing --target 'KPI >= VALUE'");
  if (vm.count("pool") == vm.count("scale")) throw po::error("give exactly one of --pool NAME or --scale");
  const auto overrides = overrides_of(vm);
  const auto document = scenario::Document::from_file(vm["file"].as<std::string>());
  const auto sc = document.resolve(overrides);
  sweep::StaffSearch search;
  try {
    search.target = sweep::parse_target(vm["target"].as<std::string>());
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  const bool scale = vm.count("scale") > 0;
  if (!scale) search.lever.pool = vm["pool"].as<std::string>();
  search.lever.min = vm.count("min") ? vm["min"].as<double>() : (scale ? 0.1 : 0.0);
  search.lever.max = vm.count("max") ? vm["max"].as<double>() : (scale ? 3.0 : 500.0);
  search.lever.step = vm.count("step") ? vm["step"].as<double>() : (scale ? 0.05 : 1.0);
  search.confidence = vm["confidence"].as<double>();
  if (!(search.confidence > 0.5 && search.confidence < 1)) throw po::error("--confidence must be in (0.5, 1)");
  search.replications = vm["replications"].as<int>();
  search.max_replications = std::max(search.replications, vm["max-replications"].as<int>());
  if (search.replications < 2 || search.max_replications > 100000)
    throw po::error("--replications must be at least 2 and --max-replications at most 100000");
  search.seed = vm.count("seed") ? vm["seed"].as<std::uint64_t>() : sc.run.seed;
  search.event_budget = sc.run.event_budget;
  search.threads = vm["threads"].as<unsigned>();
  if (!scale) {
    bool found = false;
    for (const auto& p : sc.platform.pools) found = found || p.name == search.lever.pool;
    if (!found) throw po::error("no pool named '" + search.lever.pool + "' in the scenario");
  }
  const bool quiet = vm.count("quiet") > 0;
  const char* unit = scale ? "x" : "";
  auto log = [&](const sweep::LevelResult& r) {
    if (quiet) return;
    std::fprintf(stderr, "  level %-8g %s: mean %.4f, %g%% bounds [%.4f, %.4f], %d replications -> %s\n", r.level, unit,
                 r.mean, search.confidence * 100, r.low, r.high, r.replications, r.holds ? "holds" : "does not hold");
  };
  InterruptWatcher interrupt;
  sweep::StaffAnswer answer;
  try {
    answer = sweep::find_least_staff(document, overrides, search, interrupt.token(), log);
  } catch (const sweep::Interrupted&) {
    std::cerr << "tracesim: interrupted; no answer\n";
    return kInterrupted;
  } catch (const std::invalid_argument& e) {
    throw po::error(e.what());
  }
  const std::string what = scale ? "staff factor" : (sc.platform.pools.front().size_mode == model::SizeMode::Fte &&
                                                         !search.lever.pool.empty()
                                                     ? "level of pool " + search.lever.pool
                                                     : "level of pool " + search.lever.pool);
  if (!answer.found) {
    std::cout << "the target " << search.target.kpi << (search.target.at_least ? " >= " : " <= ") << search.target.value
              << " does not hold with " << search.confidence * 100 << "% confidence even at " << what << " "
              << search.lever.max << "\n";
    return kOk;
  }
  std::cout << "least " << what << ": " << answer.level << "\n";
  auto line = [&](const char* label, const sweep::LevelResult& r) {
    std::printf("  %-12s %-10g %s = %.4f, one-sided %g%% bounds [%.4f, %.4f] over %d replications: %s\n", label,
                r.level, search.target.kpi.c_str(), r.mean, search.confidence * 100, r.low, r.high, r.replications,
                r.holds ? "holds" : "not shown to hold");
  };
  line("at answer", answer.at_answer);
  if (answer.has_below) line("one below", answer.below);
  return kOk;
}

int command_erlang(const std::vector<std::string>& args) {
  po::options_description opts("Options (times in minutes, rates per minute)");
  opts.add_options()("help,h", "show this help")
      ("arrivals", po::value<double>(), "arrival rate, calls per minute (or use --per-hour / --per-day)")
      ("per-hour", po::value<double>(), "arrival rate, calls per hour")
      ("per-day", po::value<double>(), "arrival rate, calls per 24 h")
      ("handle", po::value<std::string>(), "mean handle time (talk + wrap-up), a duration such as 6m or 7m30s")
      ("patience", po::value<std::string>(), "mean patience, a duration; omit for Erlang C (nobody hangs up)")
      ("agents,c", po::value<int>(), "number of agents")
      ("threshold", po::value<std::string>()->default_value("20s"), "service level threshold, a duration")
      ("target", po::value<double>(), "instead of --agents: find the least agents with service level >= TARGET");
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
  in.arrival_rate = vm.count("arrivals") ? vm["arrivals"].as<double>()
                    : vm.count("per-hour") ? vm["per-hour"].as<double>() / 60.0
                                           : vm["per-day"].as<double>() / 1440.0;
  in.mean_handle = duration("handle");
  if (vm.count("patience")) in.mean_patience = duration("patience");
  const auto threshold = scenario::parse_duration(vm["threshold"].as<std::string>());
  if (!threshold) throw po::error("--threshold expects a duration such as 20s");
  in.service_level_threshold = static_cast<double>(threshold->count()) / 60000.0;
  if (!(in.arrival_rate > 0)) throw po::error("the arrival rate must be positive");
  try {
    if (vm.count("target")) {
      in.agents = analytic::least_agents(in, vm["target"].as<double>());
    } else {
      in.agents = vm["agents"].as<int>();
    }
    const auto r = analytic::erlang(in);
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

int command_calibrate(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")
      ("check", "no search: evaluate every target at the scenario's own values (reproduces a calibration table)")
      ("seed", po::value<std::uint64_t>(), "seed, the same for every candidate (default: run.seed)")
      ("threads,j", po::value<unsigned>()->default_value(0), "worker threads; 0 = all cores")
      ("out,o", po::value<std::string>(), "also write calibration.md and scenario.calibrated.yaml here")
      ("set", po::value<std::vector<std::string>>()->composing(), "override a scenario key, KEY=VALUE (repeatable)")
      ("cases", po::value<std::string>(), "daily positives CSV (date,positives) to use as the case curve")
      ("quiet,q", "no progress lines");
  po::variables_map vm;
  if (!parse(args, opts, vm, "Usage: tracesim calibrate FILE [options]\n\nFits the scenario's calibration.parameters "
             "(within their bounds) so that the simulated KPIs match calibration.targets\n(those with role: fit), "
             "by Nelder-Mead on the box of the bounds with common random numbers across candidates,\nthen reports every "
             "target (held-out ones too): report value, simulated mean, 95% CI, residual in tolerances.\n"
             "Refuses ill-posed set-ups: more free parameters than fitted targets, unknown KPIs.",
             "Examples:\n  tracesim calibrate scenarios/isere-2020.yaml --out results/isere-cal\n"
             "  tracesim calibrate scenarios/isere-2020.yaml --check     # the table of docs/calibration.md\n")
           .empty())
    return kOk;
  const std::string file = vm["file"].as<std::string>();
  const auto overrides = overrides_of(vm);
  const auto document = scenario::Document::from_file(file);
  const auto sc = document.resolve(overrides);
  sweep::CalibrationOptions options;
  options.seed = vm.count("seed") ? vm["seed"].as<std::uint64_t>() : sc.run.seed;
  options.threads = vm["threads"].as<unsigned>();
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
    result = sweep::calibrate(document, overrides, options, interrupt.token(), progress);
  } catch (const sweep::Interrupted&) {
    std::cerr << "tracesim: interrupted; no result\n";
    return kInterrupted;
  }
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
  std::cout << md;
  if (vm.count("out")) {
    const std::filesystem::path dir{vm["out"].as<std::string>()};
    std::filesystem::create_directories(dir);
    output::write_file_atomic(dir / "calibration.md", md);
    if (!options.check_only) output::write_file_atomic(dir / "scenario.calibrated.yaml", result.calibrated_yaml);
    std::cout << "written: " << (dir / "calibration.md").string()
              << (options.check_only ? "" : " and scenario.calibrated.yaml") << "\n";
  }
  return kOk;
}

}  // namespace tracesim::cli
