// SPDX-License-Identifier: Apache-2.0
// tracesim report DIR: the HTML page of a results folder (sim/report).
#include <boost/program_options.hpp>
#include <iostream>

#include "commands.hpp"
#include "tracesim/report/report.hpp"

namespace po = boost::program_options;

namespace tracesim::cli {
namespace {

constexpr const char* kReportUsage =
    "Usage: tracesim report DIR\n\nWrites DIR/report.html: one self-contained page (data, script and the chart\n"
    "library inlined; opens with no network, prints on A4) drawn from the files a command wrote\n"
    "into DIR: a run (summary.json, daily.csv), a sweep (points.csv, sweep.json), a staff search\n"
    "(staff.json) or a calibration (calibration.json). --report on those commands writes the same\n"
    "page when they finish.";
constexpr const char* kReportExamples =
    "Examples:\n  tracesim run scenarios/occitanie-2021.yaml --out results/occ && tracesim report results/occ\n"
    "  tracesim report results/occitanie-2021-sweep\n"
    "  tracesim staff s.yaml --target 'contacts.reached_within_12h >= 0.9' --pool tracers --out results/staff --report\n";

}  // namespace

int command_report(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(opts);
  all.add_options()("dir", po::value<std::string>(), "results folder");
  po::positional_options_description pos;
  pos.add("dir", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << kReportUsage << "\n\n" << opts << "\n" << kReportExamples;
    return kOk;
  }
  if (!vm.count("dir")) throw po::error("missing the results folder DIR");
  const auto file = report::write_report(vm["dir"].as<std::string>());
  std::cout << "report: " << file.string() << "\n";
  return kOk;
}

}  // namespace tracesim::cli
