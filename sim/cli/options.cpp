// SPDX-License-Identifier: Apache-2.0
#include "options.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <system_error>

#include "tracesim/sweep/replications.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

// Single-quoted YAML: a quote in the path is doubled, so the path cannot inject keys.
std::string quoted_path(const std::filesystem::path& path, const std::string& option) {
  std::string quoted;
  for (const char c : path.string()) {
    if (static_cast<unsigned char>(c) < 0x20) throw po::error(option + ": the path contains a control character");
    quoted += c == '\'' ? std::string{"''"} : std::string{c};
  }
  return "'" + quoted + "'";
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
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
      throw scenario::InputError("cannot read the case series '" + path.string() + "' given by --cases: no such file");
    if (!std::filesystem::is_regular_file(status))  // a device or a FIFO would read forever or block
      throw scenario::InputError("cannot read the case series '" + path.string() +
                                 "' given by --cases: not a regular file (a folder, device or pipe)");
    // Single-quoted YAML: a quote in the path is doubled, so the path cannot inject keys.
    std::string quoted;
    for (const char c : path.string()) {
      if (static_cast<unsigned char>(c) < 0x20)
        throw po::error("--cases: the path contains a control character");
      quoted += c == '\'' ? std::string{"''"} : std::string{c};
    }
    out.push_back({"demand.index_cases.curve", "{daily_csv: '" + quoted + "'}", "--cases"});
  }
  if (vm.count("from")) {  // a file of open tasks, or a snapshot folder
    const auto path = std::filesystem::absolute(vm["from"].as<std::string>());
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
      throw scenario::InputError("cannot read the initial state '" + path.string() +
                                 "' given by --from: no such file or folder");
    if (!std::filesystem::is_regular_file(status) && !std::filesystem::is_directory(status))
      throw scenario::InputError("cannot read the initial state '" + path.string() +
                                 "' given by --from: not a regular file or a folder (a device or pipe)");
    out.push_back({"initial_state", quoted_path(path, "--from"), "--from"});
  }
  return out;
}

const std::string& single(boost::any& out, const std::vector<std::string>& values) {
  po::validators::check_first_occurrence(out);
  return po::validators::get_single_string(values);
}

// "the argument ('-1') for option '--seed' is invalid: expected ...", with the
// option's name filled in by boost::program_options.
po::validation_error bad_number(const std::string& value, const std::string& expected) {
  po::validation_error e{po::validation_error::invalid_option_value, "", value};
  e.m_error_template = "the argument ('" + value + "') for option '%canonical_option%' is invalid: expected " + expected;
  return e;
}

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() <= 20 && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void validate(boost::any& out, const std::vector<std::string>& values, Whole*, int) {
  const std::string& s = single(out, values);
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = all_digits(s) ? std::strtoull(s.c_str(), &end, 10) : 0;
  if (!all_digits(s) || errno == ERANGE)
    throw bad_number(s, "a whole number from 0 to 18446744073709551615");
  out = Whole{static_cast<std::uint64_t>(v)};
}

void validate(boost::any& out, const std::vector<std::string>& values, Count*, int) {
  const std::string& s = single(out, values);
  if (!all_digits(s) || s.size() > 10 || std::stoll(s) > std::numeric_limits<int>::max())
    throw bad_number(s, "a whole number from 0 to 2147483647");
  out = Count{static_cast<int>(std::stoll(s))};
}

void validate(boost::any& out, const std::vector<std::string>& values, Real*, int) {
  const std::string& s = single(out, values);
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v) || std::isspace(static_cast<unsigned char>(s[0])))
    throw bad_number(s, "a finite number");
  out = Real{v};
}

std::ostream& operator<<(std::ostream& os, const Whole& w) { return os << w.value; }
std::ostream& operator<<(std::ostream& os, const Real& r) { return os << r.value; }
std::ostream& operator<<(std::ostream& os, const Count& c) { return os << c.value; }

bool parse_command(const std::vector<std::string>& args, const po::options_description& visible,
                   po::variables_map& vm, const Help& help) {
  po::options_description all;
  all.add(visible);
  all.add_options()("file", po::value<std::string>(), "scenario file");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << help.usage << "\n" << visible << "\n" << help.examples;
    return false;
  }
  if (!vm.count("file")) throw po::error("missing the scenario FILE");
  return true;
}

void add_scenario_options(po::options_description& opts, const char* set_help) {
  opts.add_options()("set", po::value<std::vector<std::string>>()->composing(), set_help)
      ("cases", po::value<std::string>(), "daily positives CSV (date,positives) to use as the case curve")
      ("from", po::value<std::string>(),
       "start from this open work (the key initial_state): a CSV of open tasks, or a snapshot folder written by "
       "run --snapshot-at (the run then starts on the snapshot's day)");
}

Loaded load(const po::variables_map& vm) {
  const std::string file = vm["file"].as<std::string>();
  auto overrides = overrides_of(vm);
  auto document = scenario::Document::from_file(file);
  auto sc = document.resolve(overrides);
  return Loaded{file, std::move(overrides), std::move(document), std::move(sc)};
}

unsigned threads_of(const po::variables_map& vm) {
  const std::uint64_t threads = vm["threads"].as<Whole>().value;
  if (threads > kMaxThreads)
    throw po::error("--threads must be at most " + std::to_string(kMaxThreads) +
                    " (0: the CPUs this process may use), got " + std::to_string(threads));
  return static_cast<unsigned>(threads);
}

void note_threads(const po::variables_map& vm, unsigned requested) {
  if (vm.count("quiet")) return;
  const unsigned threads = sweep::effective_threads(requested);
  std::cerr << "tracesim: up to " << threads << " worker thread" << (threads == 1 ? "" : "s") << " (-j " << requested
            << (requested == 0 ? ": the CPUs this process may use" : "") << ")\n";
}

std::uint64_t seed_of(const po::variables_map& vm, std::uint64_t fallback) {
  if (!vm.count("seed")) return fallback;
  // The same range as run.seed, so the scenario.resolved.yaml written beside the results reads back.
  const std::uint64_t seed = vm["seed"].as<Whole>().value;
  if (seed > static_cast<std::uint64_t>(std::numeric_limits<long long>::max()))
    throw po::error("--seed must be at most 9223372036854775807, like run.seed");
  return seed;
}

std::uint64_t event_budget_of(const po::variables_map& vm, std::uint64_t fallback) {
  if (!vm.count("event-budget")) return fallback;
  const std::uint64_t budget = vm["event-budget"].as<Whole>().value;
  if (budget < 1000 || budget > static_cast<std::uint64_t>(std::numeric_limits<long long>::max()))
    throw po::error("--event-budget must be between 1000 and 9223372036854775807, like run.event_budget");
  return budget;
}

std::filesystem::path out_dir_of(const po::variables_map& vm, const std::filesystem::path& fallback) {
  return vm.count("out") ? std::filesystem::path{vm["out"].as<std::string>()} : fallback;
}

bool shows_progress(const po::variables_map& vm) { return !vm.count("quiet") && ::isatty(STDERR_FILENO); }

Progress::Mode progress_mode(const po::variables_map& vm) {
  if (vm.count("quiet")) return Progress::Mode::Off;
  return ::isatty(STDERR_FILENO) ? Progress::Mode::Terminal : Progress::Mode::Log;
}

double Stopwatch::elapsed_s() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

double Stopwatch::eta_s(double elapsed, double done, double total) {
  return done > 0 ? elapsed * (total - done) / done : 0.0;
}

}  // namespace tracesim::cli
