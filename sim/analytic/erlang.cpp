// SPDX-License-Identifier: Apache-2.0
#include "tracesim/analytic/erlang.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace tracesim::analytic {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void check(const ErlangInput& in) {
  if (!(in.arrival_rate > 0) || !(in.mean_handle > 0) || in.agents < 1 || in.mean_patience < 0 ||
      in.service_level_threshold < 0 || !std::isfinite(in.arrival_rate) || !std::isfinite(in.mean_handle))
    throw std::invalid_argument("erlang: expected arrival_rate > 0, mean_handle > 0, agents >= 1, "
                                "mean_patience >= 0 and service_level_threshold >= 0");
}

double log_sum_exp(double a, double b) {
  if (a == -kInf) return b;
  if (b == -kInf) return a;
  const double m = std::max(a, b);
  return m + std::log(std::exp(a - m) + std::exp(b - m));
}

}  // namespace

double erlang_b(int agents, double offered_load) {
  // B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)): stable for any c.
  double b = 1.0;
  for (int k = 1; k <= agents; ++k) b = offered_load * b / (k + offered_load * b);
  return b;
}

ErlangResult erlang_c(const ErlangInput& in) {
  check(in);
  ErlangResult r;
  const double mu = 1.0 / in.mean_handle;
  const double a = in.arrival_rate * in.mean_handle;
  const double c = in.agents;
  r.offered_load = a;
  if (a >= c) {
    r.stable = false;
    r.occupancy = 1.0;
    r.wait_probability = 1.0;
    r.mean_wait = r.mean_wait_answered = r.mean_queue_length = kInf;
    r.service_level = 0.0;
    return r;
  }
  const double b = erlang_b(in.agents, a);
  const double pw = c * b / (c - a * (1.0 - b));
  r.occupancy = a / c;
  r.wait_probability = pw;
  r.mean_wait = pw / (c * mu - in.arrival_rate);
  r.mean_wait_answered = r.mean_wait;
  r.mean_queue_length = in.arrival_rate * r.mean_wait;
  r.service_level = 1.0 - pw * std::exp(-(c * mu - in.arrival_rate) * in.service_level_threshold);
  return r;
}

ErlangResult erlang_a(const ErlangInput& in) {
  check(in);
  if (!(in.mean_patience > 0) || !std::isfinite(in.mean_patience))
    throw std::invalid_argument("erlang_a: expected a finite mean_patience > 0");
  const double lambda = in.arrival_rate;
  const double mu = 1.0 / in.mean_handle;
  const double theta = 1.0 / in.mean_patience;
  const int c = in.agents;
  const double a = lambda / mu;

  // log of the unnormalised stationary probabilities, relative to state 0:
  // pi_n = a^n / n! for n <= c, then pi_{c+j} = pi_{c+j-1} * lambda / (c mu + j theta).
  std::vector<double> log_below(static_cast<std::size_t>(c) + 1);
  log_below[0] = 0.0;
  for (int n = 1; n <= c; ++n) log_below[static_cast<std::size_t>(n)] = log_below[static_cast<std::size_t>(n - 1)] + std::log(a / n);
  double log_total = -kInf;
  for (double v : log_below) log_total = log_sum_exp(log_total, v);
  std::vector<double> log_queue;  // j = 0 is state c
  log_queue.push_back(log_below[static_cast<std::size_t>(c)]);
  for (int j = 1;; ++j) {
    const double next = log_queue.back() + std::log(lambda / (c * mu + j * theta));
    log_queue.push_back(next);
    log_total = log_sum_exp(log_total, next);
    // Past the point where the ratio is < 1, terms fall geometrically: stop when negligible.
    if (lambda < c * mu + j * theta && next < log_total - 40.0) break;
    if (j > 50'000'000) throw std::invalid_argument("erlang_a: the queue does not converge");
  }
  ErlangResult r;
  r.offered_load = a;
  double p_wait = 0;
  double lq = 0;
  std::vector<double> p_queue(log_queue.size());
  for (std::size_t j = 0; j < log_queue.size(); ++j) {
    p_queue[j] = std::exp(log_queue[j] - log_total);
    p_wait += p_queue[j];
    lq += static_cast<double>(j) * p_queue[j];
  }
  // P(all busy) excludes state c - 1 and below; p_queue[0] is state c itself.
  r.wait_probability = p_wait;
  r.mean_queue_length = lq;
  r.abandon_probability = theta * lq / lambda;
  r.mean_wait = lq / lambda;
  double busy = 0;  // mean number of busy agents
  for (int n = 0; n < c; ++n) busy += n * std::exp(log_below[static_cast<std::size_t>(n)] - log_total);
  busy += c * p_wait;
  r.occupancy = busy / c;

  // A caller arriving with k callers ahead (state c + k) moves up at rate
  // r_j = c mu + j theta while j are ahead; it is served if its patience
  // outlasts V = sum_{j=0..k} Exp(r_j). P(served, V <= t) = E[exp(-theta V); V <= t]
  // = prod_j r_j / (r_j + theta) * P(V' <= t), V' with rates r_j + theta
  // (an exponential tilt). P(V' <= t) for every k at once by uniformisation
  // of the pure-death chain with rates r'_j = c mu + (j + 1) theta.
  const std::size_t kmax = p_queue.size();
  std::vector<double> served(kmax);  // P(served | k ahead)
  double prod = 1.0;
  for (std::size_t k = 0; k < kmax; ++k) {
    const double rk = c * mu + static_cast<double>(k) * theta;
    prod *= rk / (rk + theta);
    served[k] = prod;
  }
  // Mean wait of answered callers: E[V; served] / P(served) summed over k. E[V e^{-theta V}]
  // = d/ds of the transform at theta: prod * sum_j 1/(r_j + theta).
  double wait_served = 0;
  double p_served_waiting = 0;
  double inv_sum = 0;
  for (std::size_t k = 0; k < kmax; ++k) {
    inv_sum += 1.0 / (c * mu + static_cast<double>(k) * theta + theta);
    wait_served += p_queue[k] * served[k] * inv_sum;
    p_served_waiting += p_queue[k] * served[k];
  }
  const double p_answered = (1.0 - p_wait) + p_served_waiting;
  r.mean_wait_answered = p_answered > 0 ? wait_served / p_answered : 0.0;

  const double t = in.service_level_threshold;
  double within = 0;  // sum_k p_k * served_k * P(V'_k <= t)
  if (t > 0) {
    const double big = c * mu + static_cast<double>(kmax + 1) * theta;  // uniformisation rate
    const double lt = big * t;
    const auto steps = static_cast<std::size_t>(lt + 12.0 * std::sqrt(lt) + 30.0);
    std::vector<double> absorbed(kmax, 0.0);  // P(absorbed within m steps | start k)
    std::vector<double> next(kmax, 0.0);
    std::vector<double> cdf(kmax, 0.0);
    double log_pois = -lt;  // log P(N = 0)
    for (std::size_t m = 0; m <= steps; ++m) {
      if (m > 0) {
        for (std::size_t k = 0; k < kmax; ++k) {
          const double q = (c * mu + static_cast<double>(k + 1) * theta) / big;
          const double below = k == 0 ? 1.0 : absorbed[k - 1];
          next[k] = q * below + (1.0 - q) * absorbed[k];
        }
        std::swap(absorbed, next);
        log_pois += std::log(lt / static_cast<double>(m));
      }
      const double w = std::exp(log_pois);
      for (std::size_t k = 0; k < kmax; ++k) cdf[k] += w * absorbed[k];
    }
    for (std::size_t k = 0; k < kmax; ++k) within += p_queue[k] * served[k] * std::min(1.0, cdf[k]);
  }
  r.service_level = (1.0 - p_wait) + within;
  return r;
}

ErlangResult erlang(const ErlangInput& in) {
  if (in.mean_patience > 0 && std::isfinite(in.mean_patience)) return erlang_a(in);
  return erlang_c(in);
}

int least_agents(ErlangInput in, double target_service_level, int max_agents) {
  if (!(target_service_level > 0 && target_service_level < 1))
    throw std::invalid_argument("least_agents: expected a target service level in (0, 1)");
  const double a = in.arrival_rate * in.mean_handle;
  const bool patient = !(in.mean_patience > 0 && std::isfinite(in.mean_patience));
  int c = std::max(1, patient ? static_cast<int>(std::floor(a)) + 1 : 1);
  for (; c <= max_agents; ++c) {
    in.agents = c;
    if (erlang(in).service_level >= target_service_level) return c;
  }
  throw std::invalid_argument("least_agents: the target is not met with up to " + std::to_string(max_agents) + " agents");
}

}  // namespace tracesim::analytic
