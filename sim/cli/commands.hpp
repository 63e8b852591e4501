// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace tracesim::cli {

/// Documented exit codes (docs/cli.md). BSD sysexits where one fits.
enum ExitCode : int {
  kOk = 0,
  kUsage = 64,        // bad command line
  kInvalidInput = 65, // invalid scenario or data file content
  kNoInput = 66,      // a file cannot be read
  kInternal = 70,     // a bug: please report it
  kNoThreads = 71,    // a worker thread cannot be started (process limit)
  kIoError = 74,      // outputs cannot be written
  kAborted = 75,      // the run was stopped by its event budget
  kInterrupted = 130, // Ctrl-C
};

int command_check(const std::vector<std::string>& args);
int command_run(const std::vector<std::string>& args);
int command_sweep(const std::vector<std::string>& args);
int command_merge(const std::vector<std::string>& args);
int command_staff(const std::vector<std::string>& args);
int command_erlang(const std::vector<std::string>& args);
int command_calibrate(const std::vector<std::string>& args);
int command_bench(const std::vector<std::string>& args);
int command_report(const std::vector<std::string>& args);

}  // namespace tracesim::cli
