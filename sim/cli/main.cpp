// SPDX-License-Identifier: Apache-2.0
// tracesim command-line entry point: picks the subcommand and turns every
// error class into its documented exit code (the only place that exits).
#include <boost/program_options/errors.hpp>
#include <cstring>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "cluster_hooks.hpp"
#include "commands.hpp"
#include "tracesim/cluster/cluster.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/scenario/diagnostics.hpp"
#include "tracesim/sweep/replications.hpp"
#include "tracesim/sweep/sweep.hpp"
#include "tracesim_commit.hpp"
#include "tracesim_version.hpp"

namespace {

constexpr const char* kUsageText = R"(tracesim — simulate a contact-tracing call centre

Usage:
  tracesim <command> [options]

Commands:
  check FILE      validate a scenario file and report every problem, without running it
  run FILE        simulate a scenario over several replications and write the results
  sweep FILE      run a grid of scenario variants (e.g. staffing levels) x replications, in parallel
  merge           combine the folders of a sharded sweep
  staff FILE      find the least staff that meets a target, e.g. 90 % of contacts within 12 h
  erlang          Erlang C / Erlang A figures for a stationary inbound line, or the least agents
  calibrate FILE  fit the scenario's free parameters to the figures it declares as targets
  report DIR      draw a results folder (run or sweep) as one self-contained report.html
  bench           measure this machine: event kernel, a 1-million-caller centre, thread scaling

Run 'tracesim <command> --help' for the options and examples of each command.

Examples:
  tracesim check scenarios/occitanie-2021.yaml
  tracesim run scenarios/occitanie-2021.yaml --replications 20 --out results/occitanie
  tracesim run scenarios/occitanie-2021.yaml --set 'staffing.pools.tracers.fte[2].fte=95'

Exit codes: 0 success, 64 usage error, 65 invalid scenario or data, 66 file not
readable, 70 internal error, 71 cannot start threads, 74 output not writable, 75 run exceeded its event
budget, 130 interrupted. See docs/cli.md.
)";

void print_nested(const std::exception& e) {
  std::cerr << "tracesim: internal error: " << e.what() << "\n";
  try {
    std::rethrow_if_nested(e);
  } catch (const std::exception& inner) {
    print_nested(inner);
  }
}

int dispatch(int argc, char** argv);

}  // namespace

// Under MPI (docs/cluster.md) every rank runs the same command line; a rank
// that fails ends the whole job, naming itself, rather than leaving the others
// waiting for it. An interrupted job has already stopped every rank in order.
int main(int argc, char** argv) {
  tracesim::cluster::Session session{argc, argv};
  const int code = dispatch(argc, argv);
  if (code != tracesim::cli::kOk && code != tracesim::cli::kInterrupted && tracesim::cluster::ranks() > 1) {
    std::cerr << "tracesim: rank " << tracesim::cluster::rank() << " of " << tracesim::cluster::ranks()
              << " failed (exit code " << code << "); ending the MPI job\n";
    session.abort(code);
  }
  return code;
}

namespace {

int dispatch(int argc, char** argv) {
  using namespace tracesim::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    if (args.size() >= 2 && args[0] == "help") {
      args = {args[1], "--help"};
    } else {
      std::cout << kUsageText;
      return args.empty() ? kUsage : kOk;
    }
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "tracesim " << TRACESIM_VERSION << " (commit " << TRACESIM_GIT_COMMIT << ")\n";
    return kOk;
  }
  const std::string command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (!runs_on_this_rank(command)) return kOk;
  try {
    if (command == "check") return command_check(rest);
    if (command == "run") return command_run(rest);
    if (command == "sweep") return command_sweep(rest);
    if (command == "merge") return command_merge(rest);
    if (command == "staff") return command_staff(rest);
    if (command == "erlang") return command_erlang(rest);
    if (command == "calibrate") return command_calibrate(rest);
    if (command == "bench") return command_bench(rest);
    if (command == "report") return command_report(rest);
    std::cerr << "tracesim: unknown command '" << command << "'; expected check, run, sweep, merge, staff, erlang, calibrate, report or bench (see tracesim --help)\n";
    return kUsage;
  } catch (const boost::program_options::error& e) {
    std::cerr << "tracesim " << command << ": " << e.what() << " (see tracesim " << command << " --help)\n";
    return kUsage;
  } catch (const tracesim::scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << format(d) << "\n";
    std::cerr << "tracesim: " << e.diagnostics().size() << " problem" << (e.diagnostics().size() == 1 ? "" : "s")
              << " found; nothing was run\n";
    return kInvalidInput;
  } catch (const tracesim::scenario::InputError& e) {
    std::cerr << "tracesim: " << e.what() << "\n";
    return kNoInput;
  } catch (const tracesim::sweep::SweepError& e) {
    std::cerr << "tracesim " << command << ": " << e.what() << "\n";
    return kUsage;
  } catch (const tracesim::kernel::EventBudgetExceeded& e) {
    std::cerr << "tracesim: " << e.what() << " (run.event_budget or --event-budget); no output written\n";
    return kAborted;
  } catch (const tracesim::sweep::ThreadStartError& e) {
    std::cerr << "tracesim " << command << ": " << e.what() << "; no output written\n";
    return kNoThreads;
  } catch (const std::system_error& e) {
    std::cerr << "tracesim: " << e.what() << "\n";
    return kIoError;
  } catch (const std::logic_error& e) {  // a broken invariant or precondition: a bug, never bad input
    print_nested(e);
    std::cerr << "tracesim: please report this internal error with the scenario and the command line\n";
    return kInternal;
  } catch (const std::exception& e) {
    print_nested(e);
    return kInternal;
  }
}

}  // namespace
