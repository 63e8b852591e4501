// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>

#include "tracesim/kernel/rng.hpp"
#include "tracesim/model/plan.hpp"

// Demand (private to the model): how many index cases a day brings, what each
// one draws on creation, and the independent Poisson stream of inbound calls.
namespace tracesim::model::detail {

/// Random streams of the model. Append-only: renumbering changes every result.
/// BackOffice salts the engine of each (person, back-office kind): back_office.hpp.
enum class Stream : std::uint32_t {
  DailyCaseCounts = 1,
  Cases = 2,
  InboundCounts = 3,
  InboundCalls = 4,
  CallOutcomes = 5,  // the outcome of a reached call (an appointment), keyed by the task
  BackOffice = 6,
  InitialState = 7,  // the engines of the tasks of a user's initial-state file, keyed by row
};

/// What a new index case draws from its own engine when it is created.
struct NewCase {
  std::uint8_t segment = 0;
  bool inbound_first = false;  // calls the platform instead of being called
  std::uint32_t contacts = 0;  // contacts it will name
  Duration release{0};         // from midnight: the release hour's offset plus the delay to the platform
};

class Arrivals {
 public:
  Arrivals(const Plan& plan, std::uint64_t seed, std::uint64_t replication);

  /// Draws with `plan` from now on (a dated change at midnight).
  void use(const Plan& plan) noexcept { plan_ = &plan; }

  /// Index cases this platform handles on `day`, drawn from the day-count
  /// stream: recorded positives thinned by share_handled, or a Poisson count.
  /// Throws std::invalid_argument if a daily series has no value for the day.
  std::int64_t cases_on(const DayPlan& day);

  /// The key of the next index case: the seed of its own engine.
  std::uint64_t next_case_key() noexcept { return rng_.key(stream(Stream::Cases), next_case_++); }
  /// The engine of the outcome of task `task_key`'s reached call.
  [[nodiscard]] kernel::KeyedEngine outcome_engine(std::uint64_t task_key) const noexcept {
    return kernel::KeyedEngine{rng_.key(stream(Stream::CallOutcomes), task_key)};
  }
  /// The key of task `row` of a user's initial-state file.
  [[nodiscard]] std::uint64_t initial_task_key(std::uint64_t row) const noexcept {
    return rng_.key(stream(Stream::InitialState), row);
  }
  /// The sequential streams and counters, saved in a snapshot and restored from it.
  void save(RunState& s) const {
    s.day_counts = day_counts_;
    s.inbound_counts = inbound_counts_;
    s.inbound_exact_ms = inbound_exact_ms_;
    s.next_case = next_case_;
    s.next_call = next_call_;
  }
  void restore(const RunState& s) {
    day_counts_ = s.day_counts;
    inbound_counts_ = s.inbound_counts;
    inbound_exact_ms_ = s.inbound_exact_ms;
    next_case_ = s.next_case;
    next_call_ = s.next_call;
  }
  /// The key of the next call of the independent inbound stream.
  std::uint64_t next_call_key() noexcept { return rng_.key(stream(Stream::InboundCalls), next_call_++); }

  /// The draws of a new index case, in their order: segment, calls in first,
  /// contacts, release time, delay to the platform.
  NewCase draw_case(kernel::KeyedEngine& rng) const {
    NewCase c;
    c.segment = draw_segment(rng);
    c.inbound_first = rng.uniform01() < plan_->inbound_first_share;
    c.contacts = sample(plan_->contacts_per_case, rng);
    const Duration offset = release_offset(rng);
    c.release = offset + plan_->samplers.delay_to_platform(rng);
    return c;
  }

  /// The next call of the independent inbound stream, or none before the
  /// horizon. Only the next arrival is ever drawn, so the event queue stays
  /// small however busy the line is. The stream keeps its exact (real-valued)
  /// time and rounds up to the millisecond only the time it returns: starting
  /// each gap from the rounded time would lengthen every gap by half a
  /// millisecond on average and bias the rate low.
  std::optional<SimTime> next_independent();

 private:
  static kernel::StreamId stream(Stream s) noexcept { return kernel::StreamId{static_cast<std::uint32_t>(s)}; }

  std::uint8_t draw_segment(kernel::KeyedEngine& rng) const {
    const std::vector<double>& shares = plan_->segment_shares;
    double u = rng.uniform01();
    for (std::size_t s = 0; s + 1 < shares.size(); ++s) {
      if (u < shares[s]) return static_cast<std::uint8_t>(s);
      u -= shares[s];
    }
    return static_cast<std::uint8_t>(shares.size() - 1);
  }

  Duration release_offset(kernel::KeyedEngine& rng) const {
    const double u = rng.uniform01() * plan_->release_cdf[23];
    std::size_t h = 0;
    while (h < 23 && u >= plan_->release_cdf[h]) ++h;
    const double within = plan_->release_spread_within_hour ? rng.uniform01() : 0.0;
    return kernel::kHour * static_cast<std::int64_t>(h) +
           Duration{static_cast<std::int64_t>(within * static_cast<double>(kernel::kHour.count()))};
  }

  const Plan* plan_;  // the plan in force (use)
  kernel::RngFactory rng_;
  std::mt19937_64 day_counts_;
  std::mt19937_64 inbound_counts_;
  std::uint64_t next_case_ = 0;
  std::uint64_t next_call_ = 0;
  double inbound_exact_ms_ = 0;  // the independent stream's last arrival, exact
};

// A Poisson process whose rate is constant within each hour of the day: one
// exponential draw of unit mass, spent hour by hour. Inline: it runs once per
// independent call.
inline std::optional<SimTime> Arrivals::next_independent() {
  double e = boost::random::exponential_distribution<double>{1.0}(inbound_counts_);
  double t = inbound_exact_ms_;
  const double horizon = static_cast<double>(kernel::ms_of(plan_->horizon()));
  const auto hour_ms = static_cast<double>(kernel::kHour.count());
  while (t < horizon) {
    // The hour since the start and its hour of day. The hour count is a whole
    // number below 2^53, so the integer remainder equals fmod(hours, 24) exactly.
    const double hours = std::floor(t / hour_ms);
    const auto h = static_cast<std::size_t>(static_cast<std::int64_t>(hours) % 24);
    const double boundary = (hours + 1) * hour_ms;
    const double mass = plan_->inbound_rate[h] * (boundary - t);  // expected arrivals left in this hour
    if (e < mass) {
      t += e / plan_->inbound_rate[h];
      inbound_exact_ms_ = t;
      const auto at = static_cast<std::int64_t>(std::ceil(t));
      if (static_cast<double>(at) >= horizon) return std::nullopt;
      return SimTime{Duration{at}};
    }
    e -= mass;
    t = boundary;
  }
  inbound_exact_ms_ = t;
  return std::nullopt;
}

}  // namespace tracesim::model::detail
