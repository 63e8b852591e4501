// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/kernel/time.hpp"
#include "tracesim/model/config.hpp"
#include "tracesim/model/distribution.hpp"
#include "tracesim/model/initial_state.hpp"

// A PlatformConfig compiled for the event loop: flat rules, per-day tables and
// samplers, worked out once. Immutable after compile(), so one plan serves every
// replication and thread of a run.
namespace tracesim::model {

using kernel::SimTime;

/// A pause in a shift (the break or a planned block), as offsets from midnight.
struct PauseRule {
  Duration start{0};
  Duration length{0};
};

/// One shift of a pool, as offsets from midnight.
struct ShiftRule {
  Duration start{0};
  Duration end{0};
  Duration break_length{0};
  Duration break_at{0};            // the break's start (centred in the shift unless set)
  Duration working{0};             // paid time: end - start - break
  Duration available{0};           // staffed time: working - planned blocks
  std::vector<PauseRule> pauses;   // the break and the blocks, by start
  std::array<bool, 7> weekdays{};  // Monday .. Sunday
};

/// A staffing step: agents per shift on the days it covers.
struct StaffingRule {
  double per_shift = 0;               // FTE pools: agents per shift-day (real-valued)
  std::vector<int> agents_per_shift;  // roster pools: one count per shift
};

/// A pool's rules, flattened: skills as a bit mask, the blend rule's thresholds
/// as the counts they compare with.
struct PoolRule {
  std::uint8_t skills = 0;  // bit i set: takes tasks of TaskType i
  bool inbound = false;     // answers the inbound line
  bool back_office = false;  // does back-office work
  BlendMode blend = BlendMode::InboundFirst;
  std::uint64_t reserve_agents = 0;
  std::uint64_t pause_queue_above = 0;
  double efficiency = 1.0;  // talk and wrap-up times are divided by this
  Duration no_new_attempt_before_end{0};
  bool roster = false;  // sized by an explicit roster, not by FTE
  std::vector<ShiftRule> shifts;
  std::vector<StaffingRule> steps;
  std::vector<std::int32_t> step_of_day;  // index into `steps` for each day; -1 before the first
  bool reinforcement = false;             // an overflow pool, staffed only while active
  std::uint64_t reinforce_backlog_above = 0;
  double reinforce_at_risk_share_above = 1.0;
  Duration activation_delay{0};
  std::uint64_t release_backlog_below = 0;
  // Overload: the staffing level of each day (weekday profile × holiday level);
  // empty when every day is at level 1.
  std::vector<double> level_of_day;

  [[nodiscard]] bool has_skill(TaskType t) const noexcept { return ((skills >> index_of(t)) & 1u) != 0; }
};

/// Retry and SMS rules of one task type.
struct TaskRule {
  Duration deadline{0};
  bool sms_at_deadline = false;
  int max_attempts = 0;
  std::vector<Duration> min_spacing{Duration{0}};  // after attempt 1, 2, ... (the last repeats)
  bool only_while_open = true;
  OnExhausted on_exhausted = OnExhausted::Sms;
  StaleAction stale = StaleAction::Keep;  // overload: a task waiting stale_after past its deadline
  Duration stale_after{0};
  std::vector<double> appointment;  // share of reached calls with an appointment, by attempt; empty: none

  /// The spacing after attempt number `attempt` (1-based) failed.
  [[nodiscard]] Duration spacing_after(std::uint16_t attempt) const noexcept {
    return min_spacing[std::min<std::size_t>(attempt == 0 ? 0u : attempt - 1u, min_spacing.size() - 1)];
  }
  /// The appointment share of a call reached at attempt number `attempt`.
  [[nodiscard]] double appointment_share(std::uint16_t attempt) const noexcept {
    return appointment.empty()
               ? 0.0
               : appointment[std::min<std::size_t>(attempt == 0 ? 0u : attempt - 1u, appointment.size() - 1)];
  }
};

/// One kind of back-office work, compiled.
struct BackOfficeRule {
  std::array<double, kTaskTypes> per_task{};  // expected items per person reached by call, by task type
  DurationSampler work;
  Duration deadline{0};
};

/// One day of the calendar. A closed day has open_from == open_until == start.
struct DayPlan {
  kernel::Date date{};
  SimTime start{};  // midnight
  SimTime open_from{};
  SimTime open_until{};
  std::size_t weekday = 0;                   // 0 = Monday
  bool holiday = false;                      // listed in staffing.holidays: not a working day
  std::optional<double> expected_positives;  // before share_handled; none: the series has a gap
  [[nodiscard]] bool is_open() const noexcept { return open_until > open_from; }
};

/// Every duration law of the configuration, each sampler owning its parameters.
struct Samplers {
  DurationSampler delay_to_platform;
  std::array<DurationSampler, kTaskTypes> talk;
  std::array<DurationSampler, kTaskTypes> wrap_up;
  DurationSampler ring;
  DurationSampler no_answer;
  DurationSampler patience;
  DurationSampler retrial_delay;
  DurationSampler call_back_delay;
  DurationSampler inbound_talk;
  DurationSampler inbound_wrap_up;
  std::array<DurationSampler, kTaskTypes> entry_per_contact;  // per contact an index case names
};

/// Everything one replication reads, compiled from a PlatformConfig.
struct Plan {
  std::size_t warm_up_days = 0;  // the first days, left out of every total (kept in the days)
  // The open work the run starts with (none: it starts empty), and the day it
  // starts on (a snapshot's; days before it are not simulated).
  std::shared_ptr<const InitialStates> initial;
  std::int32_t first_day = 0;
  // Calendar
  std::vector<DayPlan> days;
  // Demand
  bool recorded_series = false;  // daily counts are recorded positives (binomial thinning)
  double share_handled = 1.0;
  std::array<double, 24> release_cdf{};  // cumulative release weight by hour
  bool release_spread_within_hour = true;
  std::vector<double> segment_shares;
  double inbound_first_share = 0;
  double prelisted_contact_share = 0;
  CountDist contacts_per_case;
  // Work list
  Discipline order = Discipline::EarliestDeadlineFirst;
  bool index_before_contacts = false;
  std::size_t ranks = 1;  // priority segments, then everyone else
  std::vector<std::size_t> segment_rank;
  // Outbound work
  std::array<TaskRule, kTaskTypes> tasks{};
  std::vector<std::array<double, 24>> answer_probability;  // by attempt (last repeats), by hour
  // SMS
  std::vector<double> sms_shares;  // by day × segment × task type
  Duration sms_interval{0};        // between two SMS from the gateway
  Duration sms_delivery_delay{0};
  double index_declares_contacts_share = 1.0;
  // Inbound line
  bool independent_calls = false;
  std::array<double, 24> inbound_rate{};  // independent calls per ms, by hour of day
  bool patience_limited = true;
  WhenClosed when_closed = WhenClosed::Message;
  double retrial_share = 0;
  int max_retrials = 0;
  double sms_call_back_share = 0;
  double missed_call_back_share = 0;
  Duration service_level_threshold{0};
  // Overload
  std::uint64_t national_capacity_per_day = 0;
  bool stale_rules = false;  // some task type has a stale rule
  bool outcomes = false;     // some task type has an outcome share (appointments are counted)
  // Back-office work, by kind in declaration order
  std::vector<BackOfficeRule> back_office;
  // Staffing
  std::vector<PoolRule> pools;
  std::vector<std::string> pool_names;
  Samplers samplers;
  // Dated changes: the plan in force from each change's date on (compiled from
  // its epoch's configuration; empty in those), and for each day the index of
  // the one in force, -1 for this plan. Empty: the same plan every day.
  std::vector<std::shared_ptr<const Plan>> epochs;
  std::vector<std::int32_t> epoch_of_day;

  [[nodiscard]] std::int32_t day_count() const noexcept { return static_cast<std::int32_t>(days.size()); }
  [[nodiscard]] SimTime horizon() const noexcept { return SimTime{kernel::kDay * day_count()}; }
  /// Share of new tasks of `type` in `segment` sent straight to SMS on day `day`.
  [[nodiscard]] double sms_share(std::size_t day, std::size_t segment, TaskType type) const noexcept {
    return sms_shares[(day * segment_shares.size() + segment) * kTaskTypes + index_of(type)];
  }
  /// Probability that attempt number `attempt` (1-based) started in hour `hour` is answered.
  [[nodiscard]] double answer_p(std::uint16_t attempt, std::size_t hour) const noexcept {
    return answer_probability[std::min<std::size_t>(attempt - 1u, answer_probability.size() - 1)][hour];
  }
  /// The first open instant at or after `t`; the horizon if the platform never opens again.
  [[nodiscard]] SimTime next_opening(SimTime t) const noexcept;
};

/// Compiles `config` once for any number of replications. Throws
/// std::invalid_argument if `config` breaks a precondition that validation
/// should have caught (no day, no pool, an SMS step naming an unknown segment).
Plan compile(const PlatformConfig& config);

}  // namespace tracesim::model
