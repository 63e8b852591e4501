// SPDX-License-Identifier: Apache-2.0
// Erlang C (M/M/c) and Erlang A (M/M/c+M). See the header for units and contracts.
//
// Erlang A, the method (Palm 1943; Garnett, Mandelbaum and Reiman 2002, "Designing a
// call center with impatient customers", MSOM 4(3)):
//
// * Stationary law. The number in system n is a birth-death chain with birth rate
//   lambda and death rate min(n, c) mu + max(n - c, 0) theta. Relative to state c,
//   the states below sum to sum_{n<c} pi_n / pi_c = 1/B(c, a) - 1 (Erlang B, from its
//   stable recursion) and the queue states are r_k = pi_{c+k} / pi_c =
//   prod_{j=1..k} lambda / (c mu + j theta). The r_k are summed directly, kept as a
//   mantissa times exp(log_scale) so that an overloaded system (r_k rising to a peak
//   near k = (lambda - c mu) / theta, possibly far beyond 1e308) cannot overflow.
//   Past the peak the ratios rho_k = lambda / (c mu + k theta) fall below 1 and keep
//   falling, so the tail after term k is at most r_k (k + 1) rho / (1 - rho)^2 (this
//   bounds the tails of both sum r_k and sum k r_k); the sum stops once that bound is
//   below 1e-17 of the running sum.
//
// * Outputs from the law, by PASTA and Little: P(wait > 0) = P(n >= c);
//   L_q = sum k p_{c+k}; abandonment rate theta L_q, so P(abandon) = theta L_q / lambda;
//   mean wait of all arrivals L_q / lambda; occupancy = lambda (1 - P(abandon)) / (c mu).
//
// * Service level P(answered and wait <= t). An arrival that finds k callers in queue
//   (state c + k) would reach an agent after V = sum of k + 1 independent exponential
//   stages, with rates nu_j = c mu + j theta while j callers are ahead (j = k..0):
//   those ahead leave by service (c mu in all) or by abandoning (theta each); callers
//   behind do not matter under FCFS. Its own patience tau ~ Exp(theta) is independent
//   of V, it is answered iff tau > V, and then its wait is V. Hence
//       P(answered, wait <= t | k) = P(tau > V, V <= t) = E[exp(-theta V); V <= t].
//   Evaluate it as a race: in stage j the caller leaves at total rate nu_j + theta,
//   towards the next stage w.p. nu_j / (nu_j + theta), and (competing exponentials) the
//   time spent is Exp(nu_j + theta) whichever way it leaves. So
//       P(answered, wait <= t | k) = prod_j nu_j / (nu_j + theta) * P(S_{k+1} <= t),
//   S_m = sum_{i=1..m} Exp(c mu + i theta) (the rates nu_j + theta = c mu + (j+1) theta).
//   The product telescopes to w_k = c mu / (c mu + (k + 1) theta) (= P(answered | k)).
//   For S_m, the Laplace transform prod_{i=1..m} (c mu + i theta) / (c mu + i theta + s)
//   equals E[U^{s/theta}] for U ~ Beta(c mu / theta + 1, m), so S_m has the law of
//   -log(U) / theta and
//       P(S_m <= t) = I_x(m, beta),   x = 1 - exp(-theta t),  beta = c mu / theta + 1,
//   the regularised incomplete beta function. For integer m, I_x(m, beta) = P(N >= m)
//   for N negative binomial with pmf g_i = Gamma(i + beta) / (i! Gamma(beta)) x^i (1 - x)^beta,
//   g_0 = exp(-(c mu + theta) t), g_i = g_{i-1} x (i - 1 + beta) / i. So
//       SL = P(n < c) + sum_k p_{c+k} w_k (1 - sum_{i<=k} g_i),
//   accumulated in the same single pass over k (g_i kept as mantissa times exp(log), so a
//   tiny g_0 does not underflow the later, larger terms). Rounding only: the absolute
//   error is about k_max * 1e-16, far below the 1e-6 asked for; no truncation of a series
//   in t, no ODE. Check: t -> inf gives sum_k p_{c+k} (1 - w_k) = theta L_q / lambda.
//   The mean wait of answered callers uses the same race: given answered, the wait is
//   S_{k+1}, with mean H_k = sum_{i=1..k+1} 1 / (c mu + i theta).
#include "tracesim/analytic/erlang.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace tracesim::analytic {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Erlang A sums about (lambda - c mu) / theta + 10 sqrt(lambda / theta) terms; refuse
// inputs that would need more than this (roughly lambda * mean_patience > 1e8).
constexpr std::int64_t kMaxQueueTerms = 200'000'000;
// The recursions run once per agent, and a count near INT_MAX would overflow
// their loop counter: no call centre has a million agents on one line.
constexpr int kMaxAgents = 1'000'000;
constexpr double kRescaleAbove = 1e200;
constexpr double kRescaleFactor = 1e-200;
constexpr double kTailTolerance = 1e-17;

void validate(const ErlangInput& in, const char* who) {
  const char* problem = nullptr;
  if (in.agents < 1)
    problem = "agents must be >= 1";
  else if (in.agents > kMaxAgents)
    problem = "agents must be at most 1000000";
  else if (!std::isfinite(in.arrival_rate) || in.arrival_rate < 0)
    problem = "arrival_rate must be finite and >= 0";
  else if (!std::isfinite(in.mean_handle) || !(in.mean_handle > 0))
    problem = "mean_handle must be finite and > 0";
  else if (std::isnan(in.mean_patience) || in.mean_patience < 0)
    problem = "mean_patience must be >= 0 (0 or +inf: no abandonment)";
  else if (std::isnan(in.service_level_threshold) || in.service_level_threshold < 0)
    problem = "service_level_threshold must be >= 0";
  if (problem) throw std::invalid_argument(std::string{who} + ": " + problem);
}

bool impatient(const ErlangInput& in) { return in.mean_patience > 0 && std::isfinite(in.mean_patience); }

// B(c, a) by B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)); every step is in [0, 1].
double erlang_b_recursion(int agents, double a) {
  double b = 1.0;
  for (int k = 1; k <= agents; ++k) b = a * b / (k + a * b);
  return b;
}

}  // namespace

double erlang_b(int agents, double offered_load) {
  if (agents < 1) throw std::invalid_argument("erlang_b: agents must be >= 1");
  if (!std::isfinite(offered_load) || offered_load < 0)
    throw std::invalid_argument("erlang_b: offered_load must be finite and >= 0");
  return erlang_b_recursion(agents, offered_load);
}

ErlangResult erlang_c(const ErlangInput& in) {
  validate(in, "erlang_c");
  if (impatient(in))
    throw std::invalid_argument("erlang_c: mean_patience must be 0 or +inf (use erlang_a for abandonment)");
  const double lambda = in.arrival_rate;
  const double a = lambda * in.mean_handle;
  const double c = in.agents;
  ErlangResult r;
  r.offered_load = a;
  if (a >= c) {
    r.stable = false;
    r.occupancy = 1.0;
    r.wait_probability = 1.0;
    r.mean_wait = r.mean_wait_answered = r.mean_queue_length = kInf;
    r.service_level = 0.0;
    return r;
  }
  const double b = erlang_b_recursion(in.agents, a);
  const double pw = c * b / (c - a * (1.0 - b));  // C(c, a) from B(c, a)
  const double drain = (c - a) / in.mean_handle;  // c mu - lambda > 0
  r.occupancy = a / c;
  r.wait_probability = pw;
  r.mean_wait = pw / drain;
  r.mean_wait_answered = r.mean_wait;  // nobody abandons
  r.mean_queue_length = lambda * r.mean_wait;
  // The wait is 0 w.p. 1 - C, else Exp(c mu - lambda); exp(-inf) = 0 covers t = +inf.
  r.service_level = 1.0 - pw * std::exp(-drain * in.service_level_threshold);
  return r;
}

ErlangResult erlang_a(const ErlangInput& in) {
  validate(in, "erlang_a");
  if (!impatient(in)) throw std::invalid_argument("erlang_a: mean_patience must be finite and > 0");
  const double lambda = in.arrival_rate;
  const double mu = 1.0 / in.mean_handle;
  const double theta = 1.0 / in.mean_patience;
  const int c = in.agents;
  const double cmu = c * mu;
  const double a = lambda * in.mean_handle;
  const double t = in.service_level_threshold;
  ErlangResult r;
  r.offered_load = a;
  if (lambda == 0) {  // nobody arrives: nothing waits (and 0/0 below is avoided)
    r.service_level = 1.0;
    return r;
  }
  if ((lambda - cmu) / theta > 1e8)
    throw std::invalid_argument("erlang_a: (arrival_rate - agents / mean_handle) * mean_patience is too large (> 1e8)");

  const double b = erlang_b_recursion(c, a);

  // Negative binomial pmf g_i (see the top of this file), for the service level.
  const bool all_within = std::isinf(t);  // I = 1: every answered caller counts
  const bool none_within = t == 0;        // I = 0: only the callers answered at once count
  const double x = -std::expm1(-theta * t);
  const double nb_beta = cmu / theta + 1.0;
  double nb_mantissa = 1.0;
  double nb_log = all_within || none_within ? 0.0 : -(cmu + theta) * t;  // log g_0
  double nb_unit = std::exp(nb_log);
  double nb_cdf = 0.0;  // sum_{i<=k} g_i

  double rk = 1.0;  // r_k / exp(log_scale)
  double log_scale = 0.0;
  double s = 0, s_k = 0, s_answered = 0, s_within = 0, s_wait_answered = 0;  // sums of rk * ...
  double h = 0;                                                              // H_k
  for (std::int64_t k = 0;; ++k) {
    const double kd = static_cast<double>(k);
    if (k > 0) rk *= lambda / (cmu + kd * theta);
    const double nu = cmu + (kd + 1.0) * theta;
    h += 1.0 / nu;
    const double w = cmu / nu;  // P(answered | k ahead)
    double within = 1.0;        // I_x(k + 1, beta) = P(S_{k+1} <= t)
    if (none_within) {
      within = 0.0;
    } else if (!all_within) {
      if (k > 0) {
        nb_mantissa *= x * (kd - 1.0 + nb_beta) / kd;
        if (nb_mantissa > 1e100 || (nb_mantissa < 1e-100 && nb_mantissa > 0)) {
          nb_log += std::log(nb_mantissa);
          nb_mantissa = 1.0;
          nb_unit = std::exp(nb_log);
        }
      }
      nb_cdf += nb_mantissa * nb_unit;
      within = std::max(0.0, 1.0 - nb_cdf);
    }
    s += rk;
    s_k += kd * rk;
    s_answered += rk * w;
    s_within += rk * w * within;
    s_wait_answered += rk * w * h;
    if (rk > kRescaleAbove) {
      rk *= kRescaleFactor;
      s *= kRescaleFactor;
      s_k *= kRescaleFactor;
      s_answered *= kRescaleFactor;
      s_within *= kRescaleFactor;
      s_wait_answered *= kRescaleFactor;
      log_scale -= std::log(kRescaleFactor);
    }
    const double rho = lambda / nu;  // ratio r_{k+1} / r_k, decreasing in k
    if (rho < 1.0 && rk * (kd + 1.0) * rho / ((1.0 - rho) * (1.0 - rho)) <= kTailTolerance * s) break;
    if (k >= kMaxQueueTerms) throw std::invalid_argument("erlang_a: the queue-length distribution is too wide to sum");
  }

  // p_{c+k} = r_k pi_c with 1/pi_c = (1/B - 1) + sum_k r_k; in the scaled units
  // p_{c+k} = rk / (q + s), q = (1 - B) / (B exp(log_scale)). B may underflow to 0
  // (a << c): then q = +inf, inv = 0 and nobody waits, which is right to double precision.
  const double q = std::exp(std::log1p(-b) - std::log(b) - log_scale);
  const double inv = 1.0 / (q + s);
  r.wait_probability = s * inv;
  r.mean_queue_length = s_k * inv;
  r.mean_wait = r.mean_queue_length / lambda;
  r.abandon_probability = std::min(1.0, theta * r.mean_queue_length / lambda);
  const double answered = 1.0 - (s - s_answered) * inv;  // = 1 - P(abandon), up to rounding
  r.mean_wait_answered = answered > 0 ? s_wait_answered * inv / answered : 0.0;
  r.service_level = std::clamp(1.0 - (s - s_within) * inv, 0.0, 1.0);
  r.occupancy = std::min(1.0, a * (1.0 - r.abandon_probability) / c);
  r.stable = true;
  return r;
}

ErlangResult erlang(const ErlangInput& in) {
  validate(in, "erlang");
  return impatient(in) ? erlang_a(in) : erlang_c(in);
}

int least_agents(ErlangInput base, double target_service_level, int max_agents) {
  if (!(target_service_level > 0 && target_service_level <= 1))
    throw std::invalid_argument("least_agents: target_service_level must be in (0, 1]");
  if (max_agents < 1) throw std::invalid_argument("least_agents: max_agents must be >= 1");
  base.agents = 1;
  validate(base, "least_agents");
  auto meets = [&](int c) {
    base.agents = c;
    return erlang(base).service_level >= target_service_level;
  };
  if (!meets(max_agents))
    throw std::invalid_argument("least_agents: the target is not met with up to " + std::to_string(max_agents) +
                                " agents");
  // The service level is non-decreasing in c (Erlang C: C(c, a) falls and c mu - lambda
  // grows; Erlang A: adding an agent shortens every caller's virtual wait under the
  // natural coupling), so bisect. Invariant: lo fails (0 stands for "no agents"), hi meets.
  int lo = 0;
  int hi = max_agents;
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    (meets(mid) ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace tracesim::analytic
