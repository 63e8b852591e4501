// SPDX-License-Identifier: Apache-2.0
// Kernel throughput: schedule + pop with a steady number of pending events.
// Each iteration pops the earliest event and schedules a new one a random
// delay later, so the queue size stays at N (the "hold" model of queue benchmarks).
#include <benchmark/benchmark.h>

#include "tracesim/kernel/rng.hpp"
#include "tracesim/kernel/simulator.hpp"

using namespace tracesim::kernel;

// run_until drives the loop itself, so each iteration runs a fixed number of
// events by setting the event budget and catching its exception.
static void BM_HoldModel(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  constexpr std::uint64_t kEventsPerIteration = 100'000;
  const auto spread = static_cast<std::uint64_t>(2 * pending);
  std::uint64_t total = 0;
  for (auto _ : state) {
    state.PauseTiming();
    Simulator sim;
    KeyedEngine rng{42};
    for (std::size_t i = 0; i < pending; ++i)
      sim.schedule_at(at_ms(static_cast<std::int64_t>(rng() % spread)), Phase::Arrival, 1,
                      static_cast<std::uint32_t>(i));
    // Warm up to steady state (heap and slot table at their peak sizes).
    std::uint64_t seen = 0;
    auto step = [&](const Event& e) {
      ++seen;
      sim.schedule_in(Duration{1 + static_cast<std::int64_t>(rng() % spread)}, Phase::Arrival, e.kind, e.entity);
    };
    sim.set_event_budget(pending);
    try {
      sim.run_until(at_ms(INT64_MAX / 4), step);
    } catch (const EventBudgetExceeded&) {
    }
    sim.set_event_budget(pending + kEventsPerIteration);
    state.ResumeTiming();
    try {
      sim.run_until(at_ms(INT64_MAX / 4), step);
    } catch (const EventBudgetExceeded&) {
    }
    total += kEventsPerIteration;
    benchmark::DoNotOptimize(seen);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(total));
  state.counters["pending"] = static_cast<double>(pending);
}
BENCHMARK(BM_HoldModel)->Arg(100)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
