// SPDX-License-Identifier: Apache-2.0
#include "options.hpp"

#include <unistd.h>

#include <iostream>
#include <system_error>

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

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
      ("cases", po::value<std::string>(), "daily positives CSV (date,positives) to use as the case curve");
}

Loaded load(const po::variables_map& vm) {
  const std::string file = vm["file"].as<std::string>();
  auto overrides = overrides_of(vm);
  auto document = scenario::Document::from_file(file);
  auto sc = document.resolve(overrides);
  return Loaded{file, std::move(overrides), std::move(document), std::move(sc)};
}

unsigned threads_of(const po::variables_map& vm) {
  const int threads = vm["threads"].as<int>();
  if (threads < 0 || threads > 1024)
    throw po::error("--threads must be between 0 (all cores) and 1024, got " + std::to_string(threads));
  return static_cast<unsigned>(threads);
}

std::uint64_t seed_of(const po::variables_map& vm, std::uint64_t fallback) {
  return vm.count("seed") ? vm["seed"].as<std::uint64_t>() : fallback;
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
