// SPDX-License-Identifier: Apache-2.0
// Erlang B / C / A against published values, exact small cases derived by hand, and
// independent brute-force computations (the M/M/c+M chain solved directly, the
// tagged caller's wait by uniformisation, log-space sums with std::lgamma).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "tracesim/analytic/erlang.hpp"

using namespace tracesim::analytic;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// log sum_{n=lo..hi} a^n / n!, by log-sum-exp (independent of the Erlang B recursion).
double log_poisson_terms(double a, int lo, int hi) {
  double m = -kInf;
  std::vector<double> logs;
  for (int n = lo; n <= hi; ++n) {
    logs.push_back(n * std::log(a) - std::lgamma(n + 1.0));
    m = std::max(m, logs.back());
  }
  double s = 0;
  for (double v : logs) s += std::exp(v - m);
  return m + std::log(s);
}

// The M/M/c+M chain solved by brute force: p_n proportional to prod lambda / death(n),
// death(n) = min(n, c) mu + max(n - c, 0) theta, truncated at 2000 states.
std::vector<double> brute_chain(double lambda, double mu, double theta, int c) {
  std::vector<double> p{1.0};
  for (int n = 1; n < 2000; ++n)
    p.push_back(p.back() * lambda / (std::min(n, c) * mu + std::max(n - c, 0) * theta));
  double total = 0;
  for (double v : p) total += v;
  for (double& v : p) v /= total;
  return p;
}

// P(answered within t | k callers ahead) by uniformisation of the tagged caller's chain:
// j ahead (j = k..0), leaving to j - 1 (to an agent from j = 0) at c mu + j theta and
// abandoning at theta. Independent of the closed form used by erlang_a.
double answered_within_uniformised(int k, double cmu, double theta, double t) {
  const double big = cmu + (k + 1) * theta;
  const double lt = big * t;
  std::vector<double> dist(static_cast<std::size_t>(k) + 1, 0.0), next(dist.size());
  dist.back() = 1.0;
  double served = 0;
  double poisson = std::exp(-lt);
  double result = poisson * served;
  const int steps = static_cast<int>(lt + 12 * std::sqrt(lt) + 40);
  for (int n = 1; n <= steps; ++n) {
    std::fill(next.begin(), next.end(), 0.0);
    for (int j = 0; j <= k; ++j) {
      const double mass = dist[static_cast<std::size_t>(j)];
      const double move = (cmu + j * theta) / big;
      next[static_cast<std::size_t>(j)] += mass * (1 - move - theta / big);
      if (j > 0)
        next[static_cast<std::size_t>(j - 1)] += mass * move;
      else
        served += mass * move;
    }
    std::swap(dist, next);
    poisson *= lt / n;
    result += poisson * served;
  }
  return result;
}

struct Brute {
  double wait_probability = 0, queue_length = 0, service_level = 0;
};

Brute brute_erlang_a(double lambda, double handle, double patience, int c, double t) {
  const double mu = 1 / handle, theta = 1 / patience;
  const auto p = brute_chain(lambda, mu, theta, c);
  Brute b;
  for (int n = 0; n < static_cast<int>(p.size()); ++n) {
    const double pn = p[static_cast<std::size_t>(n)];
    if (n < c) {
      b.service_level += pn;
    } else {
      b.wait_probability += pn;
      b.queue_length += (n - c) * pn;
      if (pn > 1e-18) b.service_level += pn * answered_within_uniformised(n - c, c * mu, theta, t);
    }
  }
  return b;
}

}  // namespace

TEST_CASE("analytic: erlang B matches the published table", "[analytic]") {
  // B(c, a) = (a^c / c!) / sum_{k<=c} a^k / k!. Exact: B(1, 1) = 1 / 2;
  // B(2, 1) = (1/2) / (1 + 1 + 1/2) = 1/5; B(3, 2) = (8/6) / (1 + 2 + 2 + 8/6) = 4/19.
  CHECK(erlang_b(1, 1.0) == Approx(0.5).epsilon(1e-14));
  CHECK(erlang_b(2, 1.0) == Approx(0.2).epsilon(1e-14));
  CHECK(erlang_b(3, 2.0) == Approx(4.0 / 19).epsilon(1e-14));
  // Erlang B tables (e.g. Iversen, "Teletraffic Engineering and Network Planning",
  // DTU/ITU-D, table of the Erlang B formula; any standard Erlang B table): 10 circuits
  // offered 10 Erlangs block 0.2146 (10^10/10! = 2755.73, sum = 12842.31, ratio 0.214582).
  CHECK(erlang_b(10, 10.0) == Approx(0.21458).epsilon(2e-5));
  const double log_b10 = 10 * std::log(10.0) - std::lgamma(11.0) - log_poisson_terms(10, 0, 10);
  CHECK(erlang_b(10, 10.0) == Approx(std::exp(log_b10)).epsilon(1e-12));
  // No arrivals: nothing is blocked.
  CHECK(erlang_b(5, 0.0) == 0.0);
}

TEST_CASE("analytic: erlang C wait probability matches the published table", "[analytic]") {
  // a = 2 Erlangs, c = 3 (lambda = 1, mean handle 2): B = 4/19, C = c B / (c - a (1 - B))
  // = (12/19) / (3 - 30/19) = 12/27 = 4/9. W_q = C / (c mu - lambda) = (4/9) / (3/2 - 1) = 8/9,
  // L_q = lambda W_q = 8/9, occupancy 2/3, SL(t = 2) = 1 - (4/9) e^{-1}.
  const auto small = erlang_c(ErlangInput{1.0, 2.0, 3, 0, 2.0});
  CHECK(small.stable);
  CHECK(small.offered_load == Approx(2.0));
  CHECK(small.wait_probability == Approx(4.0 / 9).epsilon(1e-13));
  CHECK(small.mean_wait == Approx(8.0 / 9).epsilon(1e-13));
  CHECK(small.mean_wait_answered == Approx(8.0 / 9).epsilon(1e-13));
  CHECK(small.mean_queue_length == Approx(8.0 / 9).epsilon(1e-13));
  CHECK(small.occupancy == Approx(2.0 / 3).epsilon(1e-13));
  CHECK(small.service_level == Approx(1 - 4.0 / 9 * std::exp(-1.0)).epsilon(1e-13));
  CHECK(small.abandon_probability == 0.0);

  // Call Centre Helper, "Erlang C Formula - Made Simple" (callcentrehelper.com), worked
  // example: 100 calls per 30 min, AHT 180 s -> 10 Erlangs; with 11 agents
  // P(wait) = 68.21 %, ASA = 0.6821 * 180 / (11 - 10) = 122.8 s, SL(20 s) = 1 - 0.6821
  // e^{-(11-10) 20/180} = 39.0 %. Times in seconds here.
  const auto cch = erlang_c(ErlangInput{100.0 / 1800, 180, 11, 0, 20});
  CHECK(cch.offered_load == Approx(10.0));
  CHECK(cch.wait_probability == Approx(0.6821).epsilon(1e-4));
  CHECK(cch.mean_wait == Approx(122.8).epsilon(1e-3));
  CHECK(cch.service_level == Approx(0.390).epsilon(2e-3));
  // Same value from the textbook formula C = (a^c/c! c/(c-a)) / (sum_{k<c} a^k/k! + a^c/c! c/(c-a)),
  // summed independently in log space.
  const double log_top = 11 * std::log(10.0) - std::lgamma(12.0) + std::log(11.0 / (11 - 10));
  const double log_rest = log_poisson_terms(10, 0, 10);
  CHECK(cch.wait_probability == Approx(1 / (1 + std::exp(log_rest - log_top))).epsilon(1e-12));

  // M/M/1: C = rho, W_q = rho / (mu - lambda), SL(t) = 1 - rho e^{-(mu - lambda) t}.
  const auto mm1 = erlang_c(ErlangInput{0.5, 1.0, 1, 0, 2.0});
  CHECK(mm1.wait_probability == Approx(0.5).epsilon(1e-14));
  CHECK(mm1.mean_wait == Approx(1.0).epsilon(1e-14));
  CHECK(mm1.service_level == Approx(1 - 0.5 * std::exp(-1.0)).epsilon(1e-14));
  // t = +inf: everybody is answered eventually.
  CHECK(erlang_c(ErlangInput{0.5, 1.0, 1, kInf, kInf}).service_level == 1.0);
}

TEST_CASE("analytic: an overloaded erlang C system is reported unstable", "[analytic]") {
  for (const double lambda : {2.0, 2.5}) {
    const auto r = erlang_c(ErlangInput{lambda, 1.0, 2, 0, 1.0});
    CHECK_FALSE(r.stable);
    CHECK(r.wait_probability == 1.0);
    CHECK(std::isinf(r.mean_wait));
    CHECK(std::isinf(r.mean_wait_answered));
    CHECK(std::isinf(r.mean_queue_length));
    CHECK(r.service_level == 0.0);
  }
}

TEST_CASE("analytic: erlang A agrees with the birth-death chain solved directly", "[analytic]") {
  // (lambda, mean handle, mean patience, c, t); the service level against the tagged
  // caller's chain by uniformisation, which shares nothing with erlang_a's closed form.
  for (const auto& [lambda, handle, patience, c, t] : std::vector<std::tuple<double, double, double, int, double>>{
           {0.9, 1, 2, 1, 0.7}, {3.5, 1, 2, 3, 0.5}, {1.5, 6, 5, 10, 1.0 / 3}, {2.5, 6, 10, 10, 1.0 / 3},
           {4.0, 1, 0.5, 2, 0.25}, {0.3, 2, 20, 1, 3.0},
           {10.0, 1, 2, 2, 2.0}}) {
    CAPTURE(lambda, handle, patience, c, t);
    const auto r = erlang_a(ErlangInput{lambda, handle, c, patience, t});
    const auto b = brute_erlang_a(lambda, handle, patience, c, t);
    CHECK(r.stable);
    CHECK(r.wait_probability == Approx(b.wait_probability).epsilon(1e-10));
    CHECK(r.mean_queue_length == Approx(b.queue_length).epsilon(1e-10));
    CHECK(r.service_level == Approx(b.service_level).margin(1e-9));
    CHECK(r.mean_wait == Approx(b.queue_length / lambda).epsilon(1e-10));
    CHECK(r.abandon_probability == Approx(b.queue_length / patience / lambda).epsilon(1e-10));
    // Flow conservation: lambda = throughput + abandonment, throughput = c occupancy mu.
    CHECK(lambda * (1 - r.abandon_probability) == Approx(c * r.occupancy / handle).epsilon(1e-10));
    // t = +inf: the service level is the answered share, 1 - P(abandon).
    const auto all = erlang_a(ErlangInput{lambda, handle, c, patience, kInf});
    CHECK(all.service_level == Approx(1 - r.abandon_probability).epsilon(1e-12));
    // t = 0: only the callers answered at once.
    const auto none = erlang_a(ErlangInput{lambda, handle, c, patience, 0});
    CHECK(none.service_level == Approx(1 - r.wait_probability).epsilon(1e-12));
  }
}

TEST_CASE("analytic: erlang A mean wait of answered callers integrates the service level", "[analytic]") {
  // E[W; answered] = int_0^inf (P(answered) - SL(t)) dt, with SL(t) including the callers
  // answered at once; Simpson's rule over [0, 40] (the integrand falls like e^{-1.5 t}).
  const ErlangInput base{0.9, 1, 1, 2, 0};
  const auto r = erlang_a(base);
  const double answered = 1 - r.abandon_probability;
  const int n = 2000;
  const double h = 40.0 / n;
  double integral = 0;
  for (int i = 0; i <= n; ++i) {
    ErlangInput in = base;
    in.service_level_threshold = i * h;
    const double f = answered - erlang_a(in).service_level;
    integral += f * (i == 0 || i == n ? 1 : (i % 2 ? 4 : 2));
  }
  integral *= h / 3;
  CHECK(r.mean_wait_answered * answered == Approx(integral).epsilon(1e-8));
  CHECK(r.mean_wait_answered > 0);
}

TEST_CASE("analytic: erlang A with patience equal to the handle time is M/M/infinity", "[analytic]") {
  // With theta = mu the death rate is min(n, c) mu + max(n - c, 0) mu = n mu: the number in
  // system is Poisson(a) (the M/M/inf law). So P(wait) = P(N >= c), L_q = E[(N - c)^+]
  // = (a - c) + sum_{n<c} (c - n) p_n, P(abandon) = theta L_q / lambda = L_q / a.
  // c = 1, a = 0.5: P(wait) = 1 - e^{-1/2}, L_q = a - 1 + e^{-a}.
  const auto one = erlang_a(ErlangInput{0.5, 1, 1, 1, 0});
  CHECK(one.wait_probability == Approx(1 - std::exp(-0.5)).epsilon(1e-12));
  CHECK(one.mean_queue_length == Approx(0.5 - 1 + std::exp(-0.5)).epsilon(1e-12));
  CHECK(one.abandon_probability == Approx((0.5 - 1 + std::exp(-0.5)) / 0.5).epsilon(1e-12));
  // c = 5, a = 4 (lambda = 2 per min, handle = patience = 2 min).
  double below = 0, shortfall = 0, pn = std::exp(-4.0);
  for (int k = 0; k < 5; ++k) {
    below += pn;
    shortfall += (5 - k) * pn;
    pn *= 4.0 / (k + 1);
  }
  const auto five = erlang_a(ErlangInput{2, 2, 5, 2, 0});
  CHECK(five.wait_probability == Approx(1 - below).epsilon(1e-12));
  CHECK(five.mean_queue_length == Approx(4 - 5 + shortfall).epsilon(1e-12));
  CHECK(five.abandon_probability == Approx((4 - 5 + shortfall) / 4).epsilon(1e-12));
}

TEST_CASE("analytic: erlang A tends to erlang C as patience grows", "[analytic]") {
  // The gap closes like 1 / patience (about 130 / patience relative for this line).
  const auto c = erlang_c(ErlangInput{1.5, 6, 10, 0, 1.0 / 3});
  const auto a = erlang_a(ErlangInput{1.5, 6, 10, 1e9, 1.0 / 3});
  CHECK(a.wait_probability == Approx(c.wait_probability).epsilon(1e-6));
  CHECK(a.mean_wait == Approx(c.mean_wait).epsilon(1e-6));
  CHECK(a.mean_wait_answered == Approx(c.mean_wait_answered).epsilon(1e-6));
  CHECK(a.mean_queue_length == Approx(c.mean_queue_length).epsilon(1e-6));
  CHECK(a.service_level == Approx(c.service_level).epsilon(1e-6));
  CHECK(a.occupancy == Approx(c.occupancy).epsilon(1e-6));
  CHECK(a.abandon_probability < 1e-8);
  const auto nearer = erlang_a(ErlangInput{1.5, 6, 10, 1e10, 1.0 / 3});
  CHECK(std::abs(nearer.mean_wait - c.mean_wait) < std::abs(a.mean_wait - c.mean_wait) / 5);
  // The single-stage case: c = 1 and lambda tiny, so only states 0 and 1 matter; a caller
  // finding the agent busy (k = 0) waits Exp(mu) and is answered within t w.p.
  // mu / (mu + theta) (1 - e^{-(mu + theta) t}).
  const double lambda = 1e-7, mu = 1, theta = 0.5, t = 0.7;
  const auto r = erlang_a(ErlangInput{lambda, 1 / mu, 1, 1 / theta, t});
  const double p1 = r.wait_probability;
  CHECK(p1 == Approx(lambda / mu).epsilon(1e-6));
  const double once_busy = mu / (mu + theta) * (1 - std::exp(-(mu + theta) * t));
  CHECK(r.service_level == Approx((1 - p1) + p1 * once_busy).epsilon(1e-12));
}

TEST_CASE("analytic: erlang dispatches on the patience", "[analytic]") {
  const ErlangInput patient{1.5, 6, 10, 0, 1.0 / 3};
  CHECK(erlang(patient).service_level == erlang_c(patient).service_level);
  ErlangInput forever = patient;
  forever.mean_patience = kInf;
  CHECK(erlang(forever).service_level == erlang_c(patient).service_level);
  ErlangInput impatient = patient;
  impatient.mean_patience = 5;
  CHECK(erlang(impatient).abandon_probability == erlang_a(impatient).abandon_probability);
  CHECK(erlang(impatient).abandon_probability > 0);
}

TEST_CASE("analytic: no arrivals means no waiting", "[analytic]") {
  for (const double patience : {0.0, 3.0}) {
    const auto r = erlang(ErlangInput{0, 5, 2, patience, 1});
    CHECK(r.offered_load == 0.0);
    CHECK(r.wait_probability == 0.0);
    CHECK(r.mean_wait == 0.0);
    CHECK(r.abandon_probability == 0.0);
    CHECK(r.service_level == 1.0);
  }
}

TEST_CASE("analytic: least agents finds the published staffing", "[analytic]") {
  // Call Centre Helper's worked example (above): 10 Erlangs, 80 % within 20 s. SL(13) =
  // 1 - 0.2853 e^{-3/9} = 0.7956, SL(14) = 1 - 0.1741 e^{-4/9} = 0.8884: 14 agents.
  const ErlangInput cch{100.0 / 1800, 180, 1, 0, 20};
  CHECK(least_agents(cch, 0.8) == 14);
  ErlangInput at = cch;
  at.agents = 13;
  CHECK(erlang_c(at).service_level == Approx(0.7956).epsilon(1e-4));
  at.agents = 14;
  CHECK(erlang_c(at).service_level == Approx(0.8884).epsilon(1e-4));
  // 100 calls per hour, 3 min handling (a = 5), 80 % in 20 s: SL(7) = 0.7404, SL(8) = 0.8801.
  CHECK(least_agents(ErlangInput{100.0 / 60, 3, 1, 0, 1.0 / 3}, 0.8) == 8);
  // A target of P(wait = 0) >= 0.9 at 30 calls per hour, 5 min handling (a = 2.5): by the
  // exact C(c, 2.5): C(4) = 0.3199, C(5) = 0.1304, C(6) = 0.0474, so 6 agents.
  CHECK(least_agents(ErlangInput{0.5, 5, 1, 0, 0}, 0.9) == 6);
  // Erlang A: the answer meets the target and one agent fewer does not.
  ErlangInput impatient{2.5, 6, 1, 3, 1.0 / 3};
  const int c = least_agents(impatient, 0.8);
  impatient.agents = c;
  CHECK(erlang_a(impatient).service_level >= 0.8);
  impatient.agents = c - 1;
  CHECK(erlang_a(impatient).service_level < 0.8);
  // Abandonment helps the waiting callers: fewer agents than Erlang C needs.
  ErlangInput patient = impatient;
  patient.mean_patience = 0;
  CHECK(c <= least_agents(patient, 0.8));
}

TEST_CASE("analytic: large centres give finite sane values", "[analytic]") {
  // c = 2000, a = 1950 Erlangs (lambda = 195 per min, 10 min handling). Erlang C against the
  // textbook formula summed in log space; Halfin-Whitt puts C near 0.18 (beta = 50 / sqrt(1950)).
  const auto c = erlang_c(ErlangInput{195, 10, 2000, 0, 1.0 / 3});
  REQUIRE(c.stable);
  const double log_top = 2000 * std::log(1950.0) - std::lgamma(2001.0) + std::log(2000.0 / 50);
  const double log_rest = log_poisson_terms(1950, 0, 1999);
  CHECK(c.wait_probability == Approx(1 / (1 + std::exp(log_rest - log_top))).epsilon(1e-9));
  CHECK(c.wait_probability > 0.1);
  CHECK(c.wait_probability < 0.3);
  CHECK(std::isfinite(c.mean_wait));
  CHECK(c.service_level > 0.5);
  CHECK(c.service_level < 1);
  // Erlang A with patience = handle is Poisson(1950) in system (see above): P(N >= 2000).
  const auto a = erlang_a(ErlangInput{195, 10, 2000, 10, 1.0 / 3});
  const double log_norm = log_poisson_terms(1950, 0, 6000);
  CHECK(a.wait_probability == Approx(std::exp(log_poisson_terms(1950, 2000, 6000) - log_norm)).epsilon(1e-9));
  CHECK(std::isfinite(a.service_level));
  CHECK(a.service_level > c.service_level);
  // Overloaded by 25 %: the fluid model loses (a - c) / a = 20 % of callers.
  const auto over = erlang_a(ErlangInput{250, 10, 2000, 20, 1.0 / 3});
  CHECK(over.abandon_probability == Approx(0.2).margin(0.01));
  CHECK(over.occupancy > 0.99);
  CHECK(over.occupancy <= 1.0);
  CHECK(std::isfinite(over.mean_wait));
  CHECK(over.service_level >= 0);
  // Heavily overloaded small line: r_k peaks near 1e4 * ln(1e4) in log, far beyond doubles.
  const auto flood = erlang_a(ErlangInput{10000, 1, 1, 1, 0.01});
  CHECK(flood.abandon_probability == Approx(1 - 1.0 / 10000).margin(1e-4));
  CHECK(flood.wait_probability == Approx(1).margin(1e-6));
  // Many agents, light load: Erlang B underflows and nobody waits.
  const auto light = erlang(ErlangInput{1, 1, 5000, 2, 0});
  CHECK(light.wait_probability == 0.0);
  CHECK(light.service_level == 1.0);
  // Least agents for 80 % in 20 s at 1950 Erlangs: a little above the load (pooling).
  ErlangInput big{195, 10, 1, 0, 1.0 / 3};
  const int needed = least_agents(big, 0.8);
  CHECK(needed > 1950);
  CHECK(needed < 2000);
  big.agents = needed;
  CHECK(erlang_c(big).service_level >= 0.8);
  big.agents = needed - 1;
  CHECK(erlang_c(big).service_level < 0.8);
}

TEST_CASE("analytic: bad inputs are refused", "[analytic]") {
  const ErlangInput ok{1, 1, 2, 0, 0};
  auto with = [&](auto change) {
    ErlangInput in = ok;
    change(in);
    return in;
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const int agents : {0, -3}) {
    const auto in = with([&](ErlangInput& e) { e.agents = agents; });
    CHECK_THROWS_AS(erlang_c(in), std::invalid_argument);
    CHECK_THROWS_AS(erlang(in), std::invalid_argument);
    CHECK_THROWS_AS(erlang_a(with([&](ErlangInput& e) {
      e.agents = agents;
      e.mean_patience = 1;
    })), std::invalid_argument);
  }
  // The rest are refused by every entry point (least_agents ignores base.agents).
  const std::vector<ErlangInput> bad{
      with([](ErlangInput& in) { in.arrival_rate = -1; }),
      with([&](ErlangInput& in) { in.arrival_rate = nan; }),
      with([](ErlangInput& in) { in.arrival_rate = kInf; }),
      with([](ErlangInput& in) { in.mean_handle = 0; }),
      with([](ErlangInput& in) { in.mean_handle = -2; }),
      with([](ErlangInput& in) { in.mean_handle = kInf; }),
      with([](ErlangInput& in) { in.mean_patience = -1; }),
      with([&](ErlangInput& in) { in.mean_patience = nan; }),
      with([](ErlangInput& in) { in.service_level_threshold = -1; }),
      with([&](ErlangInput& in) { in.service_level_threshold = nan; }),
  };
  for (const auto& in : bad) {
    CHECK_THROWS_AS(erlang_c(in), std::invalid_argument);
    CHECK_THROWS_AS(erlang(in), std::invalid_argument);
    CHECK_THROWS_AS(least_agents(in, 0.8), std::invalid_argument);
    ErlangInput impatient = in;
    if (impatient.mean_patience == 0) impatient.mean_patience = 1;
    CHECK_THROWS_AS(erlang_a(impatient), std::invalid_argument);
  }
  // Each model refuses the other's patience.
  CHECK_THROWS_AS(erlang_c(ErlangInput{1, 1, 2, 3, 0}), std::invalid_argument);
  CHECK_THROWS_AS(erlang_a(ErlangInput{1, 1, 2, 0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(erlang_a(ErlangInput{1, 1, 2, kInf, 0}), std::invalid_argument);
  CHECK_THROWS_AS(erlang_b(0, 1), std::invalid_argument);
  CHECK_THROWS_AS(erlang_b(1, -1), std::invalid_argument);
  // least_agents: the target is a probability; an unreachable target throws too.
  CHECK_THROWS_AS(least_agents(ok, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(least_agents(ok, 0), std::invalid_argument);
  CHECK_THROWS_AS(least_agents(ok, nan), std::invalid_argument);
  CHECK_THROWS_AS(least_agents(ok, 0.8, 0), std::invalid_argument);
  CHECK_THROWS_AS(least_agents(ErlangInput{10, 1, 1, 0, 0}, 0.8, 10), std::invalid_argument);
  CHECK_NOTHROW(least_agents(ErlangInput{10, 1, 1, 0, 0}, 0.8, 20));
}
