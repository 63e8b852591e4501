// SPDX-License-Identifier: Apache-2.0
// End-to-end wall time of one replication of a shipped scenario (model only:
// loading and output excluded). Usage: scenario_bench [benchmark flags]
#include <benchmark/benchmark.h>

#include "tracesim/model/platform.hpp"
#include "tracesim/scenario/scenario.hpp"

static void BM_Occitanie2021(benchmark::State& state) {
  const auto sc = tracesim::scenario::load_scenario(TRACESIM_SOURCE_DIR "/scenarios/occitanie-2021.yaml");
  std::uint64_t events = 0;
  std::uint64_t replication = 0;
  for (auto _ : state) {
    tracesim::model::RunOptions o;
    o.seed = sc.run.seed;
    o.replication = replication++;
    const auto r = tracesim::model::simulate(sc.platform, o);
    events += r.events;
    benchmark::DoNotOptimize(r.tasks[1].arrived);
  }
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Occitanie2021)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
