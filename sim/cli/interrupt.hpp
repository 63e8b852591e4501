// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stop_token>
#include <thread>

namespace tracesim::cli {

/// Turns SIGINT/SIGTERM into a stop request for as long as it lives. The signal
/// handler only stores a flag and writes a byte to a pipe (both async-signal-safe);
/// a thread blocked on that pipe requests the stop (request_stop is not). Nothing
/// polls: the destructor wakes the thread through the same pipe, so a run that
/// finishes exits at once.
class InterruptWatcher {
 public:
  InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;
  ~InterruptWatcher();

  [[nodiscard]] std::stop_token token() const { return source_.get_token(); }
  [[nodiscard]] bool interrupted() const;

 private:
  int pipe_[2] = {-1, -1};  // read end, write end
  std::stop_source source_;
  std::thread thread_;
};

}  // namespace tracesim::cli
