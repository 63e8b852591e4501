// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <string>

// Progress of a long command on stderr: one line rewritten in place on a
// terminal; in a log (a batch job, a cluster, a pipe), whole lines at most
// every kLogEvery, the first and the last always, so a log shows life and
// the time left without filling up.
namespace tracesim::cli {

class Progress {
 public:
  static constexpr std::chrono::seconds kLogEvery{5};
  enum class Mode { Off, Terminal, Log };

  explicit Progress(Mode mode) : mode_(mode) {}
  /// Shows `text` ("3/10 replications, 12.0 s elapsed, about 28.0 s left").
  /// `last`: the final update, always shown.
  void update(const std::string& text, bool last = false);
  /// Ends a terminal's rewritten line (no-op otherwise or if nothing was shown).
  void finish();

 private:
  Mode mode_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

/// "12.0 s elapsed, about 28.0 s left" (or "… left: unknown" before the first unit).
std::string elapsed_and_left(double elapsed_s, double done, double total);

}  // namespace tracesim::cli
