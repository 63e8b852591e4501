// SPDX-License-Identifier: Apache-2.0
#include "progress.hpp"

#include <cstdio>

namespace tracesim::cli {

void Progress::update(const std::string& text, bool last) {
  if (mode_ == Mode::Off) return;
  const auto now = std::chrono::steady_clock::now();
  if (mode_ == Mode::Terminal) {
    std::fprintf(stderr, "\r%s   ", text.c_str());
    if (last) std::fprintf(stderr, "\n");
    shown_ = !last;
    return;
  }
  if (!last && shown_ && now - last_ < kLogEvery) return;
  std::fprintf(stderr, "%s\n", text.c_str());
  std::fflush(stderr);
  shown_ = true;
  last_ = now;
}

void Progress::finish() {
  if (mode_ == Mode::Terminal && shown_) std::fprintf(stderr, "\n");
  shown_ = false;
}

std::string elapsed_and_left(double elapsed_s, double done, double total) {
  char buf[96];
  if (done <= 0) {
    std::snprintf(buf, sizeof buf, "%.1f s elapsed", elapsed_s);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f s elapsed, about %.1f s left", elapsed_s,
                  elapsed_s / done * (total - done));
  }
  return buf;
}

}  // namespace tracesim::cli
