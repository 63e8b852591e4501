// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string_view>

// How many CPUs this process may use: what `-j 0` means. The parsing is
// separate from the system calls and files, so that it can be tested with
// made-up inputs.
namespace tracesim::sweep {

/// What limits the CPUs of this process; an absent limit does not limit.
struct CpuLimits {
  std::optional<unsigned> affinity;  // CPUs in the affinity mask (sched_getaffinity, taskset)
  std::optional<unsigned> slurm;     // SLURM_CPUS_PER_TASK
  std::optional<unsigned> quota;     // CPU quota of the cgroup, rounded up (a container, systemd, Slurm)
};

/// SLURM_CPUS_PER_TASK's value: a whole number from 1 to 1000000, digits only;
/// anything else (unset, empty, "0", "2(x3)") is no limit.
std::optional<unsigned> parse_slurm_cpus(const char* value);

/// A cgroup v2 `cpu.max` file, "QUOTA PERIOD" in microseconds: QUOTA / PERIOD
/// rounded up (at least 1); "max" (no quota) or unreadable text is no limit.
std::optional<unsigned> parse_cpu_max(std::string_view text);

/// A cgroup v1 quota, the contents of `cpu.cfs_quota_us` and `cpu.cfs_period_us`:
/// rounded up like parse_cpu_max; a negative quota (-1) is no limit.
std::optional<unsigned> parse_cfs_quota(std::string_view quota, std::string_view period);

/// The cgroup v2 path of this process from the text of /proc/self/cgroup (the
/// "0::PATH" line), or nothing (cgroup v1 only, unreadable).
std::optional<std::string_view> parse_cgroup_v2_path(std::string_view proc_self_cgroup);

/// The smallest of the limits present; with none, `fallback` (at least 1).
unsigned usable_cpus(const CpuLimits& limits, unsigned fallback);

/// The limits of this process: its affinity mask, SLURM_CPUS_PER_TASK, and the
/// CPU quota of its cgroup and every cgroup above it (v2, else v1).
CpuLimits read_cpu_limits();

/// The CPUs this process may use: usable_cpus(read_cpu_limits()), falling back
/// to the machine's hardware threads. Read once, then remembered.
unsigned available_cpus();

}  // namespace tracesim::sweep
