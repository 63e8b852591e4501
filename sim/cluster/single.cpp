// SPDX-License-Identifier: Apache-2.0
// A build without MPI: always a job of one rank. farm() computes every task
// here, in order; serve() is never reached (there is no other rank).
#include <cstdlib>
#include <stdexcept>

#include "tracesim/cluster/cluster.hpp"

namespace tracesim::cluster {

bool built_with_mpi() noexcept { return false; }

Session::Session(int& /*argc*/, char**& /*argv*/) {}
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
