// SPDX-License-Identifier: Apache-2.0
// What -j 0 means: the CPUs this process may use. The parsers are fed made-up
// file contents and environment values; the system calls are checked against
// this process's own affinity mask.
#include <sched.h>

#include <catch2/catch.hpp>

#include "tracesim/sweep/cpus.hpp"
#include "tracesim/sweep/replications.hpp"

using namespace tracesim::sweep;

namespace {
CpuLimits limits(std::optional<unsigned> affinity, std::optional<unsigned> slurm, std::optional<unsigned> quota) {
  CpuLimits l;
  l.affinity = affinity;
  l.slurm = slurm;
  l.quota = quota;
  return l;
}
constexpr std::nullopt_t none = std::nullopt;
}  // namespace

TEST_CASE("cpus: SLURM_CPUS_PER_TASK counts only when it is a whole number of CPUs", "[sweep][cpus]") {
  CHECK(parse_slurm_cpus("4") == 4U);
  CHECK(parse_slurm_cpus("1") == 1U);
  CHECK(parse_slurm_cpus("1000000") == 1000000U);
  CHECK_FALSE(parse_slurm_cpus(nullptr));
  CHECK_FALSE(parse_slurm_cpus(""));
  CHECK_FALSE(parse_slurm_cpus("0"));
  CHECK_FALSE(parse_slurm_cpus("-2"));
  CHECK_FALSE(parse_slurm_cpus(" 4"));
  CHECK_FALSE(parse_slurm_cpus("4 "));
  CHECK_FALSE(parse_slurm_cpus("2(x3)"));
  CHECK_FALSE(parse_slurm_cpus("1e3"));
  CHECK_FALSE(parse_slurm_cpus("1000001"));
  CHECK_FALSE(parse_slurm_cpus("99999999999999999999999"));
}

TEST_CASE("cpus: a cgroup v2 cpu.max quota is rounded up to whole CPUs", "[sweep][cpus]") {
  CHECK(parse_cpu_max("200000 100000\n") == 2U);
  CHECK(parse_cpu_max("150000 100000\n") == 2U);  // 1.5 CPUs: 2 threads, not 1
  CHECK(parse_cpu_max("100000 100000") == 1U);
  CHECK(parse_cpu_max("100001 100000") == 2U);
  CHECK(parse_cpu_max("50000 100000\n") == 1U);   // half a CPU is still one thread
  CHECK(parse_cpu_max("1000 1000000\n") == 1U);
  CHECK(parse_cpu_max("800000 100000\n") == 8U);
  CHECK_FALSE(parse_cpu_max("max 100000\n"));
  CHECK_FALSE(parse_cpu_max(""));
  CHECK_FALSE(parse_cpu_max("200000"));
  CHECK_FALSE(parse_cpu_max("200000 0"));
  CHECK_FALSE(parse_cpu_max("-1 100000"));
  CHECK_FALSE(parse_cpu_max("abc 100000"));
}

TEST_CASE("cpus: a cgroup v1 quota of -1 is no limit", "[sweep][cpus]") {
  CHECK(parse_cfs_quota("300000\n", "100000\n") == 3U);
  CHECK(parse_cfs_quota("250000\n", "100000\n") == 3U);
  CHECK_FALSE(parse_cfs_quota("-1\n", "100000\n"));
  CHECK_FALSE(parse_cfs_quota("300000\n", "0\n"));
  CHECK_FALSE(parse_cfs_quota("", "100000"));
}

TEST_CASE("cpus: the cgroup v2 path is the 0:: line of /proc/self/cgroup", "[sweep][cpus]") {
  CHECK(parse_cgroup_v2_path("0::/user.slice/user-1000.slice/session-3.scope\n") ==
        std::string_view("/user.slice/user-1000.slice/session-3.scope"));
  CHECK(parse_cgroup_v2_path("4:memory:/x\n1:cpu:/\n0::/\n") == std::string_view("/"));
  CHECK_FALSE(parse_cgroup_v2_path("4:memory:/x\n1:cpu,cpuacct:/\n"));
  CHECK_FALSE(parse_cgroup_v2_path(""));
}

TEST_CASE("cpus: -j 0 is the smallest of the affinity mask, Slurm's share and the quota", "[sweep][cpus]") {
  CHECK(usable_cpus({}, 8) == 8);  // nothing known: the machine's count
  CHECK(usable_cpus({}, 0) == 1);  // not even that: one thread
  CHECK(usable_cpus(limits(1, none, none), 8) == 1);  // taskset -c 0
  CHECK(usable_cpus(limits(16, 4, none), 16) == 4);
  CHECK(usable_cpus(limits(16, 4, 2), 16) == 2);
  CHECK(usable_cpus(limits(2, 4, 3), 16) == 2);
  CHECK(usable_cpus(limits(none, 6, none), 16) == 6);  // the affinity mask unknown
  CHECK(usable_cpus(limits(none, none, 3), 16) == 3);
  CHECK(usable_cpus(limits(none, 6, none), 2) == 6);   // Slurm's share beyond the machine's count: Slurm knows
}

TEST_CASE("cpus: this process's limits include its affinity mask", "[sweep][cpus]") {
  cpu_set_t set;
  CPU_ZERO(&set);
  REQUIRE(sched_getaffinity(0, sizeof set, &set) == 0);
  const auto limits = read_cpu_limits();
  REQUIRE(limits.affinity.has_value());
  CHECK(*limits.affinity == static_cast<unsigned>(CPU_COUNT(&set)));
  CHECK(available_cpus() <= *limits.affinity);
  CHECK(available_cpus() >= 1);
  CHECK(effective_threads(0) == available_cpus());
  CHECK(effective_threads(3) == 3);
}
