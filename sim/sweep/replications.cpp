// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/replications.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <string>
#include <system_error>
#include <mutex>
#include <optional>
#include <thread>

#include "tracesim/model/platform.hpp"
#include "tracesim/sweep/cpus.hpp"

namespace tracesim::sweep {

unsigned effective_threads(unsigned requested) {
  return requested > 0 ? requested : available_cpus();
}

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& task) {
  const std::size_t workers = std::min<std::size_t>(effective_threads(threads), n);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) task(i);
  };
  if (workers <= 1) {
    work();
    return;
  }
  // Plain threads, not boost::asio::thread_pool: when its constructor fails to
  // start a thread, the threads it did start are joined while still waiting for
  // work, and the process hangs (a container with a process limit). Here no
  // worker takes a task before all have started, so a failure computes nothing.
  enum Gate : int { kWait, kGo, kAbandon };
  std::atomic<int> gate{kWait};
  auto worker = [&] {
    gate.wait(kWait);
    if (gate.load() == kGo) work();
  };
  std::vector<std::thread> started;
  started.reserve(workers);
  std::string failure;
  for (std::size_t w = 0; w < workers; ++w) {
    try {
      started.emplace_back(worker);
    } catch (const std::system_error& e) {
      failure = "cannot start worker thread " + std::to_string(w + 1) + " of " + std::to_string(workers) + ": " +
                e.what() + "; try fewer threads with -j";
      break;
    }
  }
  gate.store(failure.empty() ? kGo : kAbandon);
  gate.notify_all();
  for (auto& t : started) t.join();
  if (!failure.empty()) throw ThreadStartError(failure);
}

model::RunResult run_replication(const RunSpec& spec, std::size_t replication) {
  model::RunOptions options;
  options.seed = spec.seed;
  options.replication = replication;
  options.event_budget = spec.event_budget;
  options.stop = spec.stop;
  options.snapshot_days = spec.snapshot_days;
  if (replication == 0) options.observer = spec.observer0;  // only replication 0 is traced
  return model::simulate(*spec.plan, options);
}

std::vector<Replications> run_batch(const std::vector<RunSpec>& specs, unsigned threads) {
  // Job j is replication j - start[s] of the spec s with start[s] <= j < start[s + 1].
  std::vector<std::size_t> start{0};
  for (const auto& spec : specs) start.push_back(start.back() + static_cast<std::size_t>(std::max(0, spec.replications)));
  const std::size_t n = start.back();
  std::vector<std::optional<model::RunResult>> slots(n);
  std::vector<std::exception_ptr> errors(n);
  std::vector<int> done(specs.size(), 0);
  std::mutex progress_mutex;
  parallel_for(n, threads, [&](std::size_t job) {
    const auto s = static_cast<std::size_t>(std::upper_bound(start.begin(), start.end(), job) - start.begin()) - 1;
    const RunSpec& spec = specs[s];
    if (spec.stop.stop_requested()) return;
    try {
      model::RunResult r = run_replication(spec, static_cast<std::size_t>(spec.first) + (job - start[s]));
      if (!r.stopped) slots[job] = std::move(r);
    } catch (...) {
      errors[job] = std::current_exception();  // a worker never dies silently
    }
    const std::lock_guard lock{progress_mutex};
    ++done[s];
    try {
      if (spec.progress) spec.progress(done[s], spec.replications);
    } catch (...) {
      if (!errors[job]) errors[job] = std::current_exception();
    }
  });
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);  // first failure in replication order, not time order
  std::vector<Replications> out(specs.size());
  for (std::size_t s = 0; s < specs.size(); ++s) {
    out[s].results.reserve(start[s + 1] - start[s]);
    for (std::size_t job = start[s]; job < start[s + 1]; ++job) {
      if (slots[job]) {
        if (!out[s].stopped) out[s].results.push_back(std::move(*slots[job]));
      } else {
        out[s].stopped = true;
      }
    }
  }
  return out;
}

Replications run_replications(const RunSpec& spec) {
  return std::move(run_batch({spec}, spec.threads).front());
}

}  // namespace tracesim::sweep
