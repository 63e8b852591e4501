// SPDX-License-Identifier: Apache-2.0
#pragma once

// Analytic queueing baselines planners know: Erlang C (M/M/c) and Erlang A
// (M/M/c+M, exponential patience). All times and rates in one unit of the
// caller's choice (e.g. minutes and calls per minute).
namespace tracesim::analytic {

struct ErlangInput {
  double arrival_rate = 0;             // lambda, calls per time unit (> 0)
  double mean_handle = 0;              // 1/mu (> 0)
  int agents = 1;                      // c (>= 1)
  double mean_patience = 0;            // 1/theta; 0 or +inf: callers never abandon (Erlang C)
  double service_level_threshold = 0;  // t, for the service level
};

struct ErlangResult {
  double offered_load = 0;        // a = lambda / mu, Erlangs
  double occupancy = 0;           // carried load / c
  double wait_probability = 0;    // P(an arrival waits > 0) = P(all agents busy), by PASTA
  double mean_wait = 0;           // mean time in queue of all arrivals (abandoned ones until they leave)
  double mean_wait_answered = 0;  // mean wait of answered calls
  double abandon_probability = 0;
  double service_level = 0;       // P(answered with wait <= t), as a share of all arrivals
  double mean_queue_length = 0;   // L_q
  bool stable = true;             // Erlang C only: a < c
};

/// Erlang C. Unstable systems (a >= c) return stable = false and infinite waits.
/// Throws std::invalid_argument on non-positive rates or agents < 1.
ErlangResult erlang_c(const ErlangInput& in);

/// Erlang A (Palm's M/M/c+M), computed from the birth-death chain; the service
/// level uses the time to reach service of a caller with k callers ahead
/// (hypoexponential), by uniformisation. Throws std::invalid_argument as erlang_c.
ErlangResult erlang_a(const ErlangInput& in);

/// Erlang A when mean_patience is finite and positive, Erlang C otherwise.
ErlangResult erlang(const ErlangInput& in);

/// Erlang B blocking probability B(c, a).
double erlang_b(int agents, double offered_load);

/// The least number of agents whose service level is >= target; throws
/// std::invalid_argument if none up to max_agents.
int least_agents(ErlangInput in, double target_service_level, int max_agents = 100000);

}  // namespace tracesim::analytic
