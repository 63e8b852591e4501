// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/cpus.hpp"

#include <sched.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace tracesim::sweep {
namespace {

constexpr std::uint64_t kMostCpus = 1000000;

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// A whole number made of digits only (no sign, no space, no suffix).
std::optional<std::uint64_t> whole(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// ceil(quota / period), at least 1 and at most kMostCpus; nothing for a zero period.
std::optional<unsigned> quota_cpus(std::uint64_t quota, std::uint64_t period) {
  if (period == 0) return std::nullopt;
  const std::uint64_t cpus = quota / period + (quota % period != 0 ? 1 : 0);
  return static_cast<unsigned>(std::clamp<std::uint64_t>(cpus, 1, kMostCpus));
}

std::optional<unsigned> smaller(std::optional<unsigned> a, std::optional<unsigned> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

std::optional<std::string> read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The cgroup v1 path of the cpu controller: the "N:...,cpu,...:PATH" line.
std::optional<std::string_view> cgroup_v1_cpu_path(std::string_view text) {
  while (!text.empty()) {
    const auto eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
    const auto a = line.find(':');
    const auto b = a == std::string_view::npos ? a : line.find(':', a + 1);
    if (b == std::string_view::npos) continue;
    std::string_view controllers = line.substr(a + 1, b - a - 1);
    while (!controllers.empty()) {
      const auto comma = controllers.find(',');
      if (controllers.substr(0, comma) == "cpu") return line.substr(b + 1);
      controllers = comma == std::string_view::npos ? std::string_view{} : controllers.substr(comma + 1);
    }
  }
  return std::nullopt;
}

// The smallest quota of the cgroup at `path` under `mount` and of every cgroup
// above it; `read` reads one cgroup folder's quota.
template <class Read>
std::optional<unsigned> walk_up(const std::filesystem::path& mount, std::string_view path, Read read) {
  std::optional<unsigned> least;
  std::filesystem::path rel{std::string(path)};
  rel = rel.relative_path();
  for (;;) {
    least = smaller(least, read(mount / rel));
    if (rel.empty()) break;
    rel = rel.parent_path();
  }
  return least;
}

std::optional<unsigned> cgroup_quota() {
  const auto self = read_text("/proc/self/cgroup");
  if (!self) return std::nullopt;
  std::optional<unsigned> least;
  if (const auto v2 = parse_cgroup_v2_path(*self)) {
    least = smaller(least, walk_up("/sys/fs/cgroup", *v2, [](const std::filesystem::path& dir) {
      const auto text = read_text(dir / "cpu.max");
      return text ? parse_cpu_max(*text) : std::nullopt;
    }));
  }
  if (const auto v1 = cgroup_v1_cpu_path(*self)) {
    for (const char* mount : {"/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct"}) {
      least = smaller(least, walk_up(mount, *v1, [](const std::filesystem::path& dir) {
        const auto quota = read_text(dir / "cpu.cfs_quota_us");
        const auto period = read_text(dir / "cpu.cfs_period_us");
        return quota && period ? parse_cfs_quota(*quota, *period) : std::nullopt;
      }));
    }
  }
  return least;
}

std::optional<unsigned> affinity_cpus() {
  // A mask big enough for the machine: grown while the kernel says it is too small.
  for (std::size_t size = 1024; size <= (std::size_t{1} << 20); size *= 2) {
    cpu_set_t* set = CPU_ALLOC(size);
    if (set == nullptr) return std::nullopt;
    const std::size_t bytes = CPU_ALLOC_SIZE(size);
    CPU_ZERO_S(bytes, set);
    const int rc = sched_getaffinity(0, bytes, set);
    const int count = rc == 0 ? CPU_COUNT_S(bytes, set) : 0;
    CPU_FREE(set);
    if (rc == 0) return count > 0 ? std::optional<unsigned>(static_cast<unsigned>(count)) : std::nullopt;
    if (errno != EINVAL) return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<unsigned> parse_slurm_cpus(const char* value) {
  if (value == nullptr) return std::nullopt;
  const auto n = whole(value);
  if (!n || *n < 1 || *n > kMostCpus) return std::nullopt;
  return static_cast<unsigned>(*n);
}

std::optional<unsigned> parse_cpu_max(std::string_view text) {
  text = trim(text);
  const auto space = text.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view quota = text.substr(0, space);
  const auto period = whole(trim(text.substr(space + 1)));
  if (quota == "max" || !period) return std::nullopt;
  const auto q = whole(quota);
  return q ? quota_cpus(*q, *period) : std::nullopt;
}

std::optional<unsigned> parse_cfs_quota(std::string_view quota, std::string_view period) {
  quota = trim(quota);
  if (quota.starts_with('-')) return std::nullopt;  // -1: no quota
  const auto q = whole(quota);
  const auto p = whole(trim(period));
  return q && p ? quota_cpus(*q, *p) : std::nullopt;
}

std::optional<std::string_view> parse_cgroup_v2_path(std::string_view text) {
  while (!text.empty()) {
    const auto eol = text.find('\n');
    const std::string_view line = text.substr(0, eol);
    if (line.starts_with("0::")) return trim(line.substr(3));
    text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
  }
  return std::nullopt;
}

unsigned usable_cpus(const CpuLimits& limits, unsigned fallback) {
  const auto least = smaller(smaller(limits.affinity, limits.slurm), limits.quota);
  return std::max(1U, least.value_or(fallback));
}

CpuLimits read_cpu_limits() {
  CpuLimits limits;
  limits.affinity = affinity_cpus();
  limits.slurm = parse_slurm_cpus(std::getenv("SLURM_CPUS_PER_TASK"));
  limits.quota = cgroup_quota();
  return limits;
}

unsigned available_cpus() {
  static const unsigned cpus = usable_cpus(read_cpu_limits(), std::thread::hardware_concurrency());
  return cpus;
}

}  // namespace tracesim::sweep
