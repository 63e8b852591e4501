// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <vector>

#include "tracesim/model/results.hpp"

// Work spread over the ranks of an MPI job (docs/cluster.md). Rank 0 hands out
// tasks on request, computes some itself and alone receives every result; the
// other ranks only compute. Without MPI (a build without TRACESIM_WITH_MPI, or
// a process not started by mpirun or srun) there is one rank and nothing here
// talks to another process.
namespace tracesim::cluster {

/// True when this build can join an MPI job.
bool built_with_mpi() noexcept;

/// The MPI job of this process, for the lifetime of main(): MPI is initialised
/// only when a launcher started the process (mpirun, srun), else this is a job
/// of one rank. Finalises MPI when destroyed.
class Session {
 public:
  Session(int& argc, char**& argv);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();
  /// Ends the whole job with `code` (MPI_Abort): a failed rank stops every rank.
  [[noreturn]] void abort(int code);
};

/// This process's rank (0 outside MPI) and the number of ranks (1 outside MPI).
int rank() noexcept;
int ranks() noexcept;

/// Computes one task (a sweep point, a replication) and returns its result as bytes.
using Compute = std::function<std::string(std::size_t task)>;
/// Receives a task's result on rank 0, on the thread that called farm().
using Collect = std::function<void(std::size_t task, std::string&& result)>;

/// What a farm runs.
struct FarmSpec {
  std::vector<std::size_t> tasks;  // in the order they are handed out
  std::size_t rank0_only = 0;      // the first tasks are computed by rank 0 (replication 0's trace)
  unsigned slots = 1;              // tasks computed at once on rank 0 (one thread each)
  std::stop_token stop;            // once requested, no further task is handed out
};

/// Rank 0's side, called while every other rank is in serve(): hands the tasks
/// out on request (dynamic load balancing), computes some on `slots` threads of
/// its own, and calls `collect` for each result as it arrives. Returns when every
/// rank has been told to stop and every task handed out has come back. A failure
/// of `compute` on rank 0 is rethrown here; another rank that fails ends the job.
void farm(const FarmSpec& spec, const Compute& compute, const Collect& collect);

/// Every other rank's side: asks rank 0 for tasks, computes up to `slots` at once
/// (one thread each) and sends each result back, until rank 0 says stop.
/// Rethrows a failure of `compute`: the caller ends the job.
void serve(unsigned slots, const Compute& compute);

/// A replication's results as bytes and back: what a rank sends rank 0.
std::string encode(const model::RunResult& result);
/// Throws std::runtime_error if `bytes` is not what encode() wrote.
model::RunResult decode(const std::string& bytes);

}  // namespace tracesim::cluster
