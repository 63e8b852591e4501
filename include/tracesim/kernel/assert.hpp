// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdio>
#include <cstdlib>

/// TRACESIM_ASSERT(cond, msg): checks an internal invariant in debug builds
/// (NDEBUG not defined) and aborts with the file, line, condition and `msg` (a
/// string literal) when it fails. Compiled out otherwise: `cond` is not
/// evaluated, so it must have no side effect. For a broken contract that must be
/// caught in release builds too, throw instead.
#ifdef NDEBUG
#define TRACESIM_ASSERT(cond, msg) static_cast<void>(0)
#else
#define TRACESIM_ASSERT(cond, msg) \
  ((cond) ? static_cast<void>(0) : ::tracesim::kernel::detail::assert_failed(#cond, msg, __FILE__, __LINE__))
#endif

namespace tracesim::kernel::detail {

[[noreturn]] inline void assert_failed(const char* cond, const char* msg, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: internal invariant broken: %s (%s)\n", file, line, msg, cond);
  std::abort();
}

}  // namespace tracesim::kernel::detail
