// SPDX-License-Identifier: Apache-2.0
#include "commands.hpp"

#include <unistd.h>

#include <atomic>
#include <boost/program_options.hpp>
#include <boost/version.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stop_token>
#include <thread>

#include "tracesim/output/atomic_file.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/output/trace.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/sweep/replications.hpp"
#include "tracesim_version.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

// Set by the SIGINT/SIGTERM handler; a watcher thread turns it into a stop request
// (request_stop is not async-signal-safe, an atomic store is).
std::atomic<bool> g_interrupted{false};  // process-wide by nature: signals are

extern "C" void on_signal(int) { g_interrupted.store(true); }

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
    out.push_back({"demand.index_cases.curve", "{daily_csv: \"" + path.string() + "\"}"});
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

  std::stop_source stop;
  g_interrupted.store(false);
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::atomic<bool> finished{false};
  std::jthread watcher([&] {
    while (!finished.load()) {
      if (g_interrupted.load()) {
        stop.request_stop();
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });

  const bool show_progress = !quiet && ::isatty(STDERR_FILENO);
  const auto started = std::chrono::steady_clock::now();
  auto progress = [&](int done, int total) {
    if (!show_progress) return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double eta = done > 0 ? elapsed * (total - done) / done : 0.0;
    std::fprintf(stderr, "\r%s: %d/%d replications, %.1f s elapsed, ETA %.1f s   ", sc.name.c_str(), done, total,
                 elapsed, eta);
    if (done == total) std::fprintf(stderr, "\n");
  };
  bool stopped = false;
  std::vector<model::RunResult> results;
  try {
    results = sweep::run_replications(sc.platform, sc.run.seed, sc.run.replications, threads, sc.run.event_budget,
                                      stop.get_token(), progress, stopped, trace ? &*trace : nullptr);
  } catch (...) {
    finished.store(true);
    throw;
  }
  finished.store(true);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (stopped || g_interrupted.load()) {
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

}  // namespace tracesim::cli
