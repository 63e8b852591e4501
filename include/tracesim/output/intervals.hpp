// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/model/observer.hpp"

namespace tracesim::output {

/// Builds, from one replication's observer records, the planner's half-hour
/// view (intervals.csv) and the share of each day's arrivals reached by their
/// deadline (reach_by_arrival_day.csv). Only what the Observer reports is used:
/// agents count as on shift from shift start to leaving, breaks included (the
/// model reports no break records); cases and contacts still open at the
/// horizon are not reported, so they are missing from arrivals and open tasks.
class IntervalRecorder final : public model::Observer {
 public:
  static constexpr std::int64_t kIntervalMs = 30 * 60 * 1000;

  /// `start`: the date at time 0 (00:00 of calendar.start).
  explicit IntervalRecorder(kernel::Date start) : start_(start) {}
  void on_attempt(const model::AttemptRecord& r) override;
  void on_task_final(const model::TaskRecord& r) override;
  void on_agent_shift(const model::AgentShiftRecord& r) override;

  /// intervals.csv for the days [from, to] (inclusive; the whole run by default):
  /// one row per 30 minutes.
  [[nodiscard]] std::string intervals_csv(kernel::Date from, kernel::Date to) const;
  /// reach_by_arrival_day.csv: per day of arrival, cases and contacts resolved by
  /// the horizon and the share of them reached (call or SMS) by their deadline.
  [[nodiscard]] std::string reach_by_arrival_day_csv() const;

 private:
  struct Bin {
    std::int64_t busy_ms = 0;
    std::int64_t on_shift_ms = 0;
    std::array<std::uint32_t, model::kTaskTypes> arrived{};
    std::int64_t open_delta = 0;  // tasks created minus tasks resolved in the interval
  };
  struct Day {
    std::array<std::uint32_t, model::kTaskTypes> resolved{};
    std::array<std::uint32_t, model::kTaskTypes> within_deadline{};
  };
  Bin& bin(std::int64_t ms);
  void spread(kernel::SimTime from, kernel::SimTime to, std::int64_t Bin::*field);

  kernel::Date start_;
  std::vector<Bin> bins_;
  std::vector<Day> days_;
};

/// Hands every record to each of two observers (either may be null).
class ObserverPair final : public model::Observer {
 public:
  ObserverPair(model::Observer* a, model::Observer* b) : a_(a), b_(b) {}
  void on_attempt(const model::AttemptRecord& r) override {
    if (a_) a_->on_attempt(r);
    if (b_) b_->on_attempt(r);
  }
  void on_task_final(const model::TaskRecord& r) override {
    if (a_) a_->on_task_final(r);
    if (b_) b_->on_task_final(r);
  }
  void on_agent_shift(const model::AgentShiftRecord& r) override {
    if (a_) a_->on_agent_shift(r);
    if (b_) b_->on_agent_shift(r);
  }

 private:
  model::Observer* a_;
  model::Observer* b_;
};

}  // namespace tracesim::output
