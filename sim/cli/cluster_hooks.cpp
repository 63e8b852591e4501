// SPDX-License-Identifier: Apache-2.0
#include "cluster_hooks.hpp"

#include <iostream>
#include <optional>

#include "tracesim/cluster/cluster.hpp"

namespace tracesim::cli {

bool in_mpi_job() { return cluster::ranks() > 1; }
bool mpi_worker() { return cluster::rank() > 0; }

bool runs_on_this_rank(const std::string& command) {
  if (!in_mpi_job() || command == "run" || command == "sweep") return true;
  if (mpi_worker()) return false;
  if (command == "staff" || command == "calibrate")
    std::cerr << "tracesim " << command << ": runs on rank 0 only; the other " << cluster::ranks() - 1
              << " rank" << (cluster::ranks() == 2 ? " stays" : "s stay")
              << " idle (only run and sweep spread over MPI ranks; see docs/cluster.md)\n";
  return true;
}

sweep::Replications distributed_replications(const sweep::RunSpec& spec) {
  if (!in_mpi_job()) return sweep::run_replications(spec);
  const auto n = static_cast<std::size_t>(spec.replications);
  std::vector<std::optional<model::RunResult>> slots(n);
  cluster::FarmSpec farm;
  for (std::size_t i = 0; i < n; ++i) farm.tasks.push_back(i);
  farm.rank0_only = spec.observer0 != nullptr ? 1 : 0;  // replication 0's trace is written here
  farm.slots = sweep::effective_threads(spec.threads);
  farm.stop = spec.stop;
  int done = 0;
  cluster::farm(
      farm, [&](std::size_t i) { return cluster::encode(sweep::run_replication(spec, i)); },
      [&](std::size_t i, std::string&& bytes) {
        auto result = cluster::decode(bytes);
        if (!result.stopped) slots[i] = std::move(result);
        ++done;
        if (spec.progress) spec.progress(done, spec.replications);
      });
  sweep::Replications out;  // as run_replications: those before the first one left out
  for (auto& s : slots) {
    if (s && !out.stopped) {
      out.results.push_back(std::move(*s));
    } else {
      out.stopped = true;
    }
  }
  return out;
}

void serve_replications(const sweep::RunSpec& spec) {
  cluster::serve(sweep::effective_threads(spec.threads),
                 [&](std::size_t i) { return cluster::encode(sweep::run_replication(spec, i)); });
}

sweep::PointFarm point_farm() {
  if (!in_mpi_job()) return {};
  return [](const std::vector<std::size_t>& points, const std::function<std::string(std::size_t)>& compute,
            const std::function<void(std::size_t, std::string&&)>& collect) {
    cluster::FarmSpec farm;
    farm.tasks = points;
    farm.slots = 1;  // a point at a time per rank, its replications on the rank's threads
    cluster::farm(farm, compute, collect);
  };
}

void serve_points(const scenario::Document& document, const sweep::SweepSpec& spec, std::stop_token stop) {
  const sweep::SweepPoints points{document, spec};
  cluster::serve(1, [&](std::size_t p) { return points.run_point(p, stop); });
}

}  // namespace tracesim::cli
