// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tracesim/cluster/cluster.hpp"

namespace tracesim::cluster::detail {

/// A rank's compute threads: tasks pushed by the thread that talks to MPI,
/// computed on `slots` threads of their own, taken back by that thread. Only
/// the MPI thread ever calls MPI (MPI_THREAD_FUNNELED).
class Pool {
 public:
  struct Done {
    std::size_t task = 0;
    std::string result;
    std::exception_ptr error;  // compute threw: the result is empty
  };

  Pool(unsigned slots, const Compute& compute) : compute_{compute} {
    threads_.reserve(slots);
    try {
      for (unsigned s = 0; s < slots; ++s) threads_.emplace_back([this] { work(); });
    } catch (...) {
      close();  // a thread that cannot start: the started ones end before the error goes on
      throw;
    }
  }
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;
  /// Waits for the tasks being computed; the queued ones are dropped.
  ~Pool() { close(); }

  void push(std::size_t task) {
    {
      const std::lock_guard lock{mutex_};
      queued_.push_back(task);
    }
    wake_.notify_one();
  }

  /// The tasks finished since the last call, waiting up to `wait` for one.
  std::vector<Done> take(std::chrono::milliseconds wait) {
    std::unique_lock lock{mutex_};
    if (done_.empty() && wait.count() > 0) finished_.wait_for(lock, wait, [&] { return !done_.empty(); });
    std::vector<Done> out;
    out.swap(done_);
    return out;
  }

 private:
  void close() {
    {
      const std::lock_guard lock{mutex_};
      closing_ = true;
      queued_.clear();
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }

  void work() {
    for (;;) {
      std::size_t task = 0;
      {
        std::unique_lock lock{mutex_};
        wake_.wait(lock, [&] { return closing_ || !queued_.empty(); });
        if (closing_) return;
        task = queued_.front();
        queued_.pop_front();
      }
      Done d{task, {}, nullptr};
      try {
        d.result = compute_(task);
      } catch (...) {
        d.error = std::current_exception();
      }
      {
        const std::lock_guard lock{mutex_};
        done_.push_back(std::move(d));
      }
      finished_.notify_one();
    }
  }

  const Compute& compute_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable finished_;
  std::deque<std::size_t> queued_;
  std::vector<Done> done_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tracesim::cluster::detail
