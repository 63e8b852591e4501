// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdint>
#include <ostream>
#include <filesystem>
#include <string>
#include <vector>

#include "progress.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"

// What the commands that take a scenario FILE share: parsing, help, the
// --set/--cases options, loading the scenario once, and common option values.
namespace tracesim::cli {

/// A whole number option (--seed, --event-budget, --threads ...): digits only,
/// so "-1" is refused instead of wrapping to 2^64 - 1, and so is "1e3".
struct Whole {
  std::uint64_t value = 0;
};
/// A real number option (--min, --target ...): finite, so nan and inf are refused.
struct Real {
  double value = 0;
};
/// A whole number option that is an int (--replications, --agents): digits only, at most INT_MAX.
struct Count {
  int value = 0;
};
// boost::program_options finds these by argument-dependent lookup; a bad value
// is a usage error naming the option (exit 64).
void validate(boost::any& out, const std::vector<std::string>& values, Whole*, int);
void validate(boost::any& out, const std::vector<std::string>& values, Real*, int);
void validate(boost::any& out, const std::vector<std::string>& values, Count*, int);
std::ostream& operator<<(std::ostream& os, const Whole& w);
std::ostream& operator<<(std::ostream& os, const Real& r);
std::ostream& operator<<(std::ostream& os, const Count& c);

/// The most worker threads a command starts (--threads); 0 means the CPUs this
/// process may use (sweep/cpus.hpp).
inline constexpr unsigned kMaxThreads = 1024;
/// The highest level `tracesim staff --pool` tries by default, in FTE (or agents per
/// shift): also what `tracesim bench --searches` gives its staff search.
inline constexpr double kPoolLevelMax = 500;
/// The help of --threads (-j), the same in every command.
inline constexpr const char* kThreadsHelp =
    "worker threads; 0 = the CPUs this process may use (affinity, SLURM_CPUS_PER_TASK, cgroup quota). "
    "Results do not depend on it";

/// --threads (-j), checked against kMaxThreads.
unsigned threads_of(const boost::program_options::variables_map& vm);

/// A command's help: what it does (before the option list) and examples (after it).
struct Help {
  const char* usage;
  const char* examples;
};

/// Parses `args` of a command taking a scenario FILE into `vm`. Prints the help
/// and returns false on --help; throws boost::program_options::error on a usage
/// error, a missing FILE included.
bool parse_command(const std::vector<std::string>& args, const boost::program_options::options_description& visible,
                   boost::program_options::variables_map& vm, const Help& help);

/// Adds --set, with the command's wording, and --cases.
void add_scenario_options(boost::program_options::options_description& opts, const char* set_help);

/// The scenario FILE, read once, with the overrides given by --set and --cases.
struct Loaded {
  std::string file;
  std::vector<scenario::Override> overrides;
  scenario::Document document;
  scenario::Scenario scenario;  // the document resolved with the overrides
};

/// Loads FILE: the overrides are checked first (a malformed --set is a usage
/// error, a missing --cases file an InputError), then the file is read and resolved.
Loaded load(const boost::program_options::variables_map& vm);

/// --seed if given, else `fallback`.
std::uint64_t seed_of(const boost::program_options::variables_map& vm, std::uint64_t fallback);

/// --event-budget if given (checked like run.event_budget), else `fallback`.
std::uint64_t event_budget_of(const boost::program_options::variables_map& vm, std::uint64_t fallback);

/// --out if given, else `fallback`.
std::filesystem::path out_dir_of(const boost::program_options::variables_map& vm, const std::filesystem::path& fallback);

/// --threads: 0 (the CPUs this process may use) to 1024; throws boost::program_options::error otherwise.
unsigned threads_of(const boost::program_options::variables_map& vm);

/// Unless --quiet, says on stderr how many worker threads the command starts at
/// most for `requested` (--threads), and why: "tracesim: up to 2 worker threads (-j 0: ...)".
void note_threads(const boost::program_options::variables_map& vm, unsigned requested);

/// Whether to draw a progress line: no --quiet and stderr is a terminal.
bool shows_progress(const boost::program_options::variables_map& vm);

/// How to show progress: off with --quiet, else rewritten in place on a terminal,
/// else as log lines (progress.hpp).
Progress::Mode progress_mode(const boost::program_options::variables_map& vm);

/// Elapsed time and the time left, for progress lines.
class Stopwatch {
 public:
  [[nodiscard]] double elapsed_s() const;
  /// Seconds left after `done` of `total` units took `elapsed` seconds (0 before the first).
  [[nodiscard]] static double eta_s(double elapsed, double done, double total);

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace tracesim::cli
