// SPDX-License-Identifier: Apache-2.0
// End-to-end wall time of one replication of a shipped scenario (model only:
// loading and output excluded). Usage: scenario_bench [benchmark flags]
// (the `national` year and sweep scaling are whole-command benchmarks: bench/run.sh)
#include <benchmark/benchmark.h>

#include "tracesim/model/platform.hpp"
#include "tracesim/scenario/scenario.hpp"

namespace {
void run_scenario(benchmark::State& state, const char* file) {
  const auto sc = tracesim::scenario::load_scenario(file);
  std::uint64_t events = 0;
  std::uint64_t callers = 0;
  std::uint64_t replication = 0;
  for (auto _ : state) {
    tracesim::model::RunOptions o;
    o.seed = sc.run.seed;
    o.replication = replication++;
    const auto r = tracesim::model::simulate(sc.platform, o);
    events += r.events;
    callers += r.inbound.offered;
    benchmark::DoNotOptimize(r.tasks[1].arrived);
  }
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["callers_per_s"] = benchmark::Counter(static_cast<double>(callers), benchmark::Counter::kIsRate);
}
}  // namespace

// One year of the shipped first-cut scenario.
static void BM_Occitanie2021(benchmark::State& state) {
  run_scenario(state, TRACESIM_SOURCE_DIR "/scenarios/occitanie-2021.yaml");
}
BENCHMARK(BM_Occitanie2021)->Unit(benchmark::kMillisecond);

// The Erlang-A call centre: ~1 million callers, 110 agents (bench/scenarios/mmc.yaml).
static void BM_Mmc(benchmark::State& state) { run_scenario(state, TRACESIM_SOURCE_DIR "/bench/scenarios/mmc.yaml"); }
BENCHMARK(BM_Mmc)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
