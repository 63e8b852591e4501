// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stop_token>
#include <string>

#include "tracesim/scenario/document.hpp"
#include "tracesim/sweep/replications.hpp"
#include "tracesim/sweep/sweep.hpp"

// Where the commands meet an MPI job (docs/cluster.md): run and sweep spread
// their work over the ranks; every other command runs on rank 0 alone.
namespace tracesim::cli {

/// True in an MPI job of more than one rank.
bool in_mpi_job();
/// True on a rank other than 0 of an MPI job: it computes, and writes nothing.
bool mpi_worker();

/// False when this rank must not run `command` (a rank other than 0, for a
/// command that does not spread its work); on rank 0, staff and calibrate say
/// that they run there alone.
bool runs_on_this_rank(const std::string& command);

/// Rank 0 of a job: the replications of `spec` spread over the ranks, returned
/// as run_replications returns them. Outside a job: run_replications.
sweep::Replications distributed_replications(const sweep::RunSpec& spec);
/// A rank other than 0: computes the replications of `spec` rank 0 hands out.
void serve_replications(const sweep::RunSpec& spec);

/// Rank 0 of a job: the farm that spreads a sweep's points; outside a job, none.
sweep::PointFarm point_farm();
/// A rank other than 0: computes the sweep points rank 0 hands out.
void serve_points(const scenario::Document& document, const sweep::SweepSpec& spec, std::stop_token stop);

}  // namespace tracesim::cli
