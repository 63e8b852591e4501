// SPDX-License-Identifier: Apache-2.0
// A build without MPI: always a job of one rank. farm() computes every task
// here, in order; serve() is never reached (there is no other rank).
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "tracesim/cluster/cluster.hpp"

namespace tracesim::cluster {

bool built_with_mpi() noexcept { return false; }

// Started as one of several processes of an MPI job (mpirun -n N, srun --mpi): each
// would run the whole command and write the same files. Refused, on every process.
Session::Session(int& /*argc*/, char**& /*argv*/) {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
    const char* size = std::getenv(v);
    if (size == nullptr || std::string{size} == "1" || std::string{size}.empty()) continue;
    std::fprintf(stderr,
                 "tracesim: started as one of %s processes of an MPI job (%s), but this build has no MPI "
                 "(TRACESIM_WITH_MPI=OFF): each would write the same files; run one process, or build with MPI "
                 "(docs/cluster.md)\n",
                 size, v);
    std::_Exit(64);
  }
}
Session::~Session() = default;
void Session::abort(int code) { std::_Exit(code); }

int rank() noexcept { return 0; }
int ranks() noexcept { return 1; }

void farm(const FarmSpec& spec, const Compute& compute, const Collect& collect) {
  for (const std::size_t task : spec.tasks) {
    if (spec.stop.stop_requested()) return;
    collect(task, compute(task));
  }
}

void serve(unsigned /*slots*/, const Compute& /*compute*/) {
  throw std::logic_error("serve() called in a build without MPI, where every process is rank 0");
}

}  // namespace tracesim::cluster
