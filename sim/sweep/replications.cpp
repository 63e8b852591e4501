// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/replications.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "tracesim/model/platform.hpp"

namespace tracesim::sweep {

unsigned effective_threads(unsigned requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

std::vector<model::RunResult> run_replications(const model::PlatformConfig& config, std::uint64_t seed,
                                               int count, unsigned threads, std::uint64_t event_budget,
                                               std::stop_token stop, const ProgressFn& progress,
                                               bool& stopped, model::Observer* observer0) {
  const auto n = static_cast<std::size_t>(count);
  std::vector<std::optional<model::RunResult>> slots(n);
  std::vector<std::exception_ptr> errors(n);
  std::mutex progress_mutex;
  int done = 0;
  {
    boost::asio::thread_pool pool{effective_threads(threads)};
    for (std::size_t i = 0; i < n; ++i) {
      boost::asio::post(pool, [&, i] {
        if (stop.stop_requested()) return;
        try {
          model::RunOptions options;
          options.seed = seed;
          options.replication = i;
          options.event_budget = event_budget;
          options.stop = stop;
          if (i == 0) options.observer = observer0;  // only replication 0 is traced
          model::RunResult r = model::simulate(config, options);
          if (!r.stopped) slots[i] = std::move(r);
        } catch (...) {
          errors[i] = std::current_exception();  // a worker never dies silently
        }
        const std::lock_guard lock{progress_mutex};
        ++done;
        if (progress) progress(done, count);
      });
    }
    pool.join();
  }
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);  // first failure in replication order, not time order
  std::vector<model::RunResult> results;
  results.reserve(n);
  stopped = false;
  for (auto& s : slots) {
    if (s) {
      results.push_back(std::move(*s));
    } else {
      stopped = true;
    }
  }
  return results;
}

}  // namespace tracesim::sweep
