// SPDX-License-Identifier: Apache-2.0
// The MPI job (Open MPI, the MPI C API): rank 0 hands out tasks on request and
// receives every result; the other ranks ask, compute and send back. Only the
// main thread of a rank calls MPI (MPI_THREAD_FUNNELED); it polls with short
// sleeps rather than blocking, since a blocking MPI call spins and would take a
// core from the compute threads (docs/cluster.md).
#include <mpi.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include "pool.hpp"
#include "tracesim/cluster/cluster.hpp"

namespace tracesim::cluster {
namespace {

bool g_mpi = false;
int g_rank = 0;
int g_size = 1;

enum Tag : int { kRequest = 1, kTask = 2, kStop = 3, kResult = 4 };
constexpr std::chrono::milliseconds kPoll{1};

// Started by a launcher: Open MPI's mpirun, or a PMI / PMIx launcher (srun).
bool launched() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"})
    if (std::getenv(v) != nullptr) return true;
  return false;
}

void check(int rc, const char* what) {
  if (rc != MPI_SUCCESS) throw std::runtime_error(std::string{"MPI: "} + what + " failed on rank " + std::to_string(g_rank));
}

void send(int to, Tag tag, const std::string& bytes) {
  check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, to, tag, MPI_COMM_WORLD), "send");
}

std::string receive(const MPI_Status& status) {
  int count = 0;
  check(MPI_Get_count(&status, MPI_BYTE, &count), "get_count");
  std::string bytes(static_cast<std::size_t>(count), '\0');
  check(MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
        "receive");
  return bytes;
}

// A message waiting from `source` (or any), without blocking.
bool probe(int source, MPI_Status& status) {
  int flag = 0;
  check(MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status), "probe");
  return flag != 0;
}

std::string task_bytes(std::uint64_t task) { return std::string(reinterpret_cast<const char*>(&task), sizeof task); }

std::uint64_t task_of(const std::string& bytes) {
  std::uint64_t task = 0;
  if (bytes.size() < sizeof task) throw std::runtime_error("MPI: a message without its task number");
  std::memcpy(&task, bytes.data(), sizeof task);
  return task;
}

// Test only (docs/cluster.md): TRACESIM_TEST_FAIL_RANK=R makes rank R >= 1
// throw when rank 0 first answers it; R:kill makes it die of SIGKILL instead.
void injected_failure() {
  const char* v = std::getenv("TRACESIM_TEST_FAIL_RANK");
  if (v == nullptr) return;
  const std::string spec{v};
  const auto colon = spec.find(':');
  if (spec.substr(0, colon) != std::to_string(g_rank)) return;
  if (colon != std::string::npos && spec.substr(colon + 1) == "kill") std::raise(SIGKILL);
  throw std::runtime_error("failure injected for a test (TRACESIM_TEST_FAIL_RANK=" + spec + ")");
}

}  // namespace

bool built_with_mpi() noexcept { return true; }

Session::Session(int& argc, char**& argv) {
  if (!launched()) return;
  int provided = 0;
  if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    std::fputs("tracesim: cannot initialise MPI\n", stderr);
    std::_Exit(70);
  }
  g_mpi = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
}

Session::~Session() {
  if (!g_mpi) return;
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
}

void Session::abort(int code) {
  if (g_mpi) MPI_Abort(MPI_COMM_WORLD, code);
  std::_Exit(code);
}

int rank() noexcept { return g_rank; }
int ranks() noexcept { return g_size; }

void farm(const FarmSpec& spec, const Compute& compute, const Collect& collect) {
  const auto& tasks = spec.tasks;
  const unsigned slots = spec.slots < 1 ? 1 : spec.slots;
  detail::Pool pool{slots, compute};
  std::size_t local = 0;        // tasks given to this rank's threads, not yet back
  std::size_t remote = 0;       // tasks handed to other ranks, not yet back
  int stopped = 0;              // ranks told to stop
  std::size_t next = 0;
  for (; next < spec.rank0_only && next < tasks.size(); ++next, ++local) pool.push(tasks[next]);
  auto more = [&] { return next < tasks.size() && !spec.stop.stop_requested(); };
  for (;;) {
    while (local < slots && more()) {
      pool.push(tasks[next++]);
      ++local;
    }
    bool heard = false;
    MPI_Status status;
    while (g_size > 1 && probe(MPI_ANY_SOURCE, status)) {
      heard = true;
      std::string bytes = receive(status);
      if (status.MPI_TAG == kRequest) {
        if (more()) {
          send(status.MPI_SOURCE, kTask, task_bytes(tasks[next++]));
          ++remote;
        } else {
          send(status.MPI_SOURCE, kStop, {});
          ++stopped;
        }
      } else if (status.MPI_TAG == kResult) {
        const auto task = task_of(bytes);
        --remote;
        collect(task, bytes.substr(sizeof task));
      }
    }
    if (local == 0 && remote == 0 && stopped == g_size - 1 && !more()) return;
    for (auto& d : pool.take(heard ? std::chrono::milliseconds{0} : kPoll)) {
      --local;
      if (d.error) std::rethrow_exception(d.error);  // the caller ends the job
      collect(d.task, std::move(d.result));
    }
  }
}

void serve(unsigned slots, const Compute& compute) {
  slots = slots < 1 ? 1 : slots;
  detail::Pool pool{slots, compute};
  unsigned busy = 0;
  bool asked = false;
  bool stopped = false;
  bool answered = false;
  while (!stopped || busy > 0) {
    if (!stopped && !asked && busy < slots) {
      send(0, kRequest, {});
      asked = true;
    }
    MPI_Status status;
    if (asked && probe(0, status)) {
      const std::string bytes = receive(status);
      if (!answered) {
        answered = true;
        injected_failure();
      }
      asked = false;
      if (status.MPI_TAG == kTask) {
        pool.push(task_of(bytes));
        ++busy;
      } else if (status.MPI_TAG == kStop) {
        stopped = true;
      }
      continue;
    }
    for (auto& d : pool.take(kPoll)) {
      --busy;
      if (d.error) std::rethrow_exception(d.error);
      send(0, kResult, task_bytes(d.task) + d.result);
    }
  }
}

}  // namespace tracesim::cluster
