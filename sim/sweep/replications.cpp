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

model::RunResult run_replication(const RunSpec& spec, std::size_t replication) {
  model::RunOptions options;
  options.seed = spec.seed;
  options.replication = replication;
  options.event_budget = spec.event_budget;
  options.stop = spec.stop;
  if (replication == 0) options.observer = spec.observer0;  // only replication 0 is traced
  return model::simulate(*spec.plan, options);
}

Replications run_replications(const RunSpec& spec) {
  const auto n = static_cast<std::size_t>(spec.replications);
  std::vector<std::optional<model::RunResult>> slots(n);
  std::vector<std::exception_ptr> errors(n);
  std::mutex progress_mutex;
  int done = 0;
  {
    boost::asio::thread_pool pool{effective_threads(spec.threads)};
    for (std::size_t i = 0; i < n; ++i) {
      boost::asio::post(pool, [&, i] {
        if (spec.stop.stop_requested()) return;
        try {
          model::RunResult r = run_replication(spec, i);
          if (!r.stopped) slots[i] = std::move(r);
        } catch (...) {
          errors[i] = std::current_exception();  // a worker never dies silently
        }
        const std::lock_guard lock{progress_mutex};
        ++done;
        if (spec.progress) spec.progress(done, spec.replications);
      });
    }
    pool.join();
  }
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);  // first failure in replication order, not time order
  Replications out;
  out.results.reserve(n);
  for (auto& s : slots) {
    if (s) {
      if (!out.stopped) out.results.push_back(std::move(*s));
    } else {
      out.stopped = true;
    }
  }
  return out;
}

}  // namespace tracesim::sweep
