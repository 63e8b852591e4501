// SPDX-License-Identifier: Apache-2.0
#include "interrupt.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <string>
#include <system_error>

#include "tracesim/sweep/replications.hpp"

namespace tracesim::cli {
namespace {

// Process-wide by nature, as signals are. Both are read by the handler.
std::atomic<bool> g_interrupted{false};
std::atomic<int> g_wake_fd{-1};

constexpr char kSignal = 1;  // written by the handler
constexpr char kDone = 0;    // written by the destructor

extern "C" void on_signal(int) {
  const int saved = errno;
  g_interrupted.store(true);
  if (const int fd = g_wake_fd.load(); fd >= 0) {
    [[maybe_unused]] const auto n = ::write(fd, &kSignal, 1);
  }
  errno = saved;
}

}  // namespace

InterruptWatcher::InterruptWatcher() {
  if (::pipe(pipe_) != 0) throw std::system_error(errno, std::generic_category(), "cannot create a pipe");
  g_interrupted.store(false);
  g_wake_fd.store(pipe_[1]);
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  try {
    thread_ = std::thread([this] {
      char byte = kDone;
      while (::read(pipe_[0], &byte, 1) < 0 && errno == EINTR) {
      }
      if (byte == kSignal) source_.request_stop();
    });
  } catch (const std::system_error& e) {
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_wake_fd.store(-1);
    ::close(pipe_[0]);
    ::close(pipe_[1]);
    throw sweep::ThreadStartError(std::string{"cannot start the thread that watches for Ctrl-C: "} + e.what());
  }
}

InterruptWatcher::~InterruptWatcher() {
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  g_wake_fd.store(-1);
  [[maybe_unused]] const auto n = ::write(pipe_[1], &kDone, 1);
  thread_.join();
  ::close(pipe_[0]);
  ::close(pipe_[1]);
}

bool InterruptWatcher::interrupted() const { return g_interrupted.load(); }

}  // namespace tracesim::cli
