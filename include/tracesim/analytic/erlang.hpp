// SPDX-License-Identifier: Apache-2.0
#pragma once

// Analytic queueing baselines that planners know: Erlang C (M/M/c) and Erlang A
// (Palm's M/M/c+M, exponential patience). Poisson arrivals, exponential handle
// times, c identical agents, one FCFS queue of unlimited size.
//
// Units: every time (mean_handle, mean_patience, service_level_threshold and the
// waits in the result) is in ONE time unit of the caller's choice, and
// arrival_rate is per that same unit (e.g. minutes and calls per minute). The
// results are then in that unit too. Nothing here keeps state between calls.
namespace tracesim::analytic {

struct ErlangInput {
  double arrival_rate = 0;             // lambda, arrivals per time unit (finite, >= 0)
  double mean_handle = 0;              // 1/mu, time units (finite, > 0)
  int agents = 1;                      // c (>= 1)
  double mean_patience = 0;            // 1/theta, time units; 0 or +inf: nobody abandons (Erlang C)
  double service_level_threshold = 0;  // t, time units (>= 0; +inf allowed)
};

struct ErlangResult {
  double offered_load = 0;        // a = lambda / mu, Erlangs
  double occupancy = 0;           // carried load / c = mean busy agents / c, in [0, 1]
  double wait_probability = 0;    // P(an arrival waits > 0) = P(all agents busy), by PASTA
  double mean_wait = 0;           // mean time in queue of all arrivals (abandoned ones until they leave), L_q / lambda
  double mean_wait_answered = 0;  // mean time in queue of the arrivals that get answered
  double abandon_probability = 0; // share of arrivals that abandon (0 for Erlang C)
  double service_level = 0;       // Erlang A: P(answered and wait <= t); Erlang C: P(wait <= t); share of all arrivals
  double mean_queue_length = 0;   // L_q, time-average number waiting
  bool stable = true;             // false only for Erlang C with a >= c (then waits and L_q are +inf, service level 0)
};

/// Erlang B blocking probability B(c, a) of c servers offered a Erlangs, by the
/// recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)) (stable for any c).
/// Throws std::invalid_argument if agents < 1 or offered_load is negative or not finite.
double erlang_b(int agents, double offered_load);

/// Erlang C (M/M/c); in.mean_patience must be 0 or +inf. If a >= c the result has
/// stable = false, wait_probability 1, infinite waits and L_q, service level 0.
/// Throws std::invalid_argument on bad input (see ErlangInput) or a finite positive patience.
ErlangResult erlang_c(const ErlangInput& in);

/// Erlang A (M/M/c+M, Palm; Garnett-Mandelbaum-Reiman): exact, from the birth-death
/// chain; always stable. in.mean_patience must be finite and > 0. Throws
/// std::invalid_argument on bad input, or if lambda * mean_patience is too large to sum (> ~1e8).
ErlangResult erlang_a(const ErlangInput& in);

/// erlang_a when in.mean_patience is finite and > 0, erlang_c when it is 0 or +inf.
/// Throws std::invalid_argument on bad input (see ErlangInput).
ErlangResult erlang(const ErlangInput& in);

/// The least c in [1, max_agents] with erlang(base with agents = c).service_level >= target
/// (base.agents is ignored). Target in [0, 1]. Throws std::invalid_argument on bad input
/// or if even max_agents agents do not meet the target.
int least_agents(ErlangInput base, double target_service_level, int max_agents = 100000);

}  // namespace tracesim::analytic
