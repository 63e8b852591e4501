// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/kernel/time.hpp"
#include "tracesim/model/distribution.hpp"

// The model's parameters as plain data (rule M3). Defaults live here and only
// here; docs/scenario-format.md mirrors them and a test keeps the two in step.
namespace tracesim::model {

using kernel::Date;
using kernel::Duration;
using kernel::kHour;
using kernel::kMinute;
using kernel::kSecond;

/// The two kinds of outbound work. Values index per-task arrays.
enum class TaskType : std::uint8_t { IndexInterview = 0, ContactCall = 1 };
inline constexpr std::size_t kTaskTypes = 2;
inline constexpr std::size_t index_of(TaskType t) noexcept { return static_cast<std::size_t>(t); }

/// Opening hours of one weekday, as offsets from midnight. `open == false`: closed all day.
struct DayHours {
  bool open = true;
  Duration opens_at = 8 * kHour;
  Duration closes_at = 19 * kHour;
};

struct CalendarConfig {
  Date start{};
  Date end{};                              // inclusive: the run covers [start 00:00, end+1 00:00)
  std::array<DayHours, 7> weekly{};        // Monday .. Sunday
  std::vector<Date> closed_dates;          // whole days closed (public holidays, ...)
  int warm_up_days = 0;                    // the first days, simulated but left out of every KPI
};

/// How the daily number of index cases is produced.
enum class CurveKind : std::uint8_t { Constant, MonthlyTotals, DailySeries, Piecewise, Waves };

struct MonthTotal {
  int year = 0;
  unsigned month = 0;  // 1..12
  double positives = 0;
};
struct CurveStep {
  Date from{};
  double per_day = 0;
};
struct Wave {
  Date peak{};
  double peak_per_day = 0;
  double width_days = 0;  // standard deviation of the Gaussian bump, days
};
struct DailyCount {
  Date date{};
  std::int64_t positives = 0;
};

/// Positive cases per day in the area the platform serves, before `share_handled`.
struct CaseCurve {
  CurveKind kind = CurveKind::Constant;
  double per_day = 0;                                       // Constant
  std::vector<MonthTotal> monthly;                          // MonthlyTotals
  std::array<double, 7> weekday_profile{1, 1, 1, 1, 1, 1, 1};  // MonthlyTotals: Mon..Sun weights
  std::vector<CurveStep> steps;                             // Piecewise (step function)
  double baseline_per_day = 0;                              // Waves
  std::vector<Wave> waves;                                  // Waves
  std::string series_path;                                  // DailySeries: where it came from, as written
  std::string series_file;                                  // the file read (absolute): what a resolved scenario names
  std::vector<DailyCount> series;                           // DailySeries: consecutive days
};

struct Segment {
  std::string name;
  double share = 0;
};

struct IndexCaseConfig {
  CaseCurve curve;
  double share_handled = 1.0;                 // share of the curve's positives this platform handles
  std::array<double, 24> release_profile{};   // weight per hour of day; all zero = uniform 08h-18h
  bool release_spread_within_hour = true;     // false: every case of an hour is released on the hour
  DurationDist delay_to_platform{};           // test result -> work list
  double inbound_first_share = 0.0;           // cases that call in first instead of being called
  std::vector<Segment> segments{{"all", 1.0}};
  double prelisted_contact_share = 0.0;       // contacts listed by the tester at arrival
};

enum class OnExhausted : std::uint8_t { GiveUp, Sms };

struct RetryPolicy {
  int max_attempts = 3;
  // From the end of attempt k to the next: one spacing for every attempt, or one per
  // attempt number (k = 1, 2, ...; the last repeats), e.g. passes weeks apart.
  std::vector<Duration> min_spacing{90 * kMinute};
  bool only_while_open = true;           // attempts start only within opening hours
  OnExhausted on_exhausted = OnExhausted::Sms;
};

/// Overload: what becomes of a task still waiting (queued or between attempts)
/// `after` past its deadline. Keep: nothing, it waits as long as it takes.
enum class StaleAction : std::uint8_t { Keep, Drop, Sms, National };

struct StaleConfig {
  StaleAction action = StaleAction::Keep;
  Duration after = 48 * kHour;
};

/// Outcomes of a reached call, each a share of the calls that reach the person,
/// by attempt number (the last repeats); empty: the outcome is not modelled.
struct OutcomeConfig {
  std::vector<double> appointment;  // the person takes an appointment (a campaign's conversion)
};

struct TaskConfig {
  Duration deadline = 12 * kHour;      // from arrival (index) or identification (contact)
  DurationDist talk = fixed(10 * kMinute);
  DurationDist wrap_up = fixed(2 * kMinute);  // the case's own data entry included
  RetryPolicy retry{};
  bool sms_at_deadline = false;        // send an SMS when the deadline passes unreached
  StaleConfig stale{};                 // overload: stale work dropped, sent to SMS or handed over
  // Work around the calls: entering each contact the case names
  // in the tracing tool, after an answered call; one draw per named contact.
  DurationDist entry_per_contact{};    // zero: no entry time (and no draw)
  OutcomeConfig outcomes{};            // what a reached call ends with (appointments)
};

/// Overload: the national level, which takes stale tasks handed over, up to a
/// number a day; beyond it they stay in the local work list until the next day.
struct NationalLevelConfig {
  int capacity_per_day = 0;
};

struct AttemptConfig {
  DurationDist ring = fixed(30 * kSecond);
  DurationDist no_answer_handling = fixed(90 * kSecond);
  std::vector<double> answer_probability{0.65, 0.5, 0.4};  // by attempt number; last repeats
  std::array<double, 24> answer_hour_factor{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                                            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
};

/// From `from` on, a share of new tasks of each type goes straight to SMS.
/// An empty `segment` applies to every segment; a named one overrides it.
struct SmsPolicyStep {
  Date from{};
  std::string segment;
  std::array<double, kTaskTypes> share{0.0, 0.0};
};

struct SmsConfig {
  std::vector<SmsPolicyStep> policy;
  double gateway_per_hour = 100000;          // SMS the gateway sends per hour
  Duration delivery_delay = 2 * kMinute;
  double index_declares_contacts_share = 1.0;  // index cases reached by SMS who list their contacts online
};

/// Planned non-call time within a shift (003 report: the daily team briefing,
/// training): paid, but the agents take no new work. Like a break, an agent
/// busy at its start finishes the call in hand first.
struct ShiftBlock {
  std::string name;
  Duration start{0};   // offset from midnight
  Duration length{0};
};

struct ShiftConfig {
  std::string name;
  Duration start = 8 * kHour;
  Duration end = 16 * kHour;
  Duration break_length{0};
  Duration break_start{-1};                  // offset from midnight; -1: centred in the shift
  std::array<bool, 7> weekdays{true, true, true, true, true, true, true};
  std::vector<ShiftBlock> blocks;            // planned non-call time
};

enum class SizeMode : std::uint8_t { Fte, Roster };

/// How a pool shares its agents between inbound calls and outbound work.
enum class BlendMode : std::uint8_t {
  InboundFirst,   // a free agent takes a waiting caller first, else outbound work
  OutboundFirst,  // a free agent takes outbound work first, else a waiting caller
  Reserve,        // inbound first, and outbound only while `reserve_agents` other agents stay idle
  PauseOutbound,  // outbound first, but inbound first (and no outbound) while more than
                  // `pause_queue_above` callers wait
};

struct BlendConfig {
  BlendMode mode = BlendMode::InboundFirst;
  int reserve_agents = 0;
  int pause_queue_above = 0;
};

/// An overflow pool ("renfort"): staffed only while active. Checked at each
/// day's close; it opens `activation_delay` after a trigger and closes (from the
/// next day) when the backlog falls below `release_backlog_below`.
struct ReinforcementConfig {
  bool enabled = false;
  int backlog_above = 0;                  // unresolved cases + contacts at close
  double at_risk_share_above = 1.0;       // share of waiting contacts due before the next opening
  Duration activation_delay = 3 * 24 * kHour;
  int release_backlog_below = 0;
};

/// Pool size from a date on: FTE, or an explicit number of agents per shift.
struct StaffingStep {
  Date from{};
  double fte = 0;
  std::vector<int> agents_per_shift;  // Roster: one count per shift, in shift order
};

struct PoolConfig {
  std::string name;
  std::array<bool, kTaskTypes> skills{true, true};
  bool inbound_skill = true;                 // answers the inbound line
  bool back_office_skill = false;            // does back-office work (only when listed)
  double efficiency = 1.0;                   // talk and wrap-up times are divided by this
  SizeMode size_mode = SizeMode::Fte;
  std::vector<StaffingStep> steps;
  double contracted_hours_per_week = 35;
  double shrinkage = 0.0;                    // absence, training, briefings
  std::vector<ShiftConfig> shifts;
  Duration no_new_attempt_before_end = 10 * kMinute;
  BlendConfig blend{};
  ReinforcementConfig reinforcement{};
  // Overload: the pool's relative staffing level by weekday, Monday .. Sunday.
  // FTE pools spread the same weekly hours in these proportions; roster pools
  // multiply each count by the day's level (docs/scenario-format.md).
  std::array<double, 7> weekday_profile{1, 1, 1, 1, 1, 1, 1};
};

/// Overload: public holidays the platform stays open on, with every pool's
/// staffing scaled by `level` (distinct from calendar.closed_dates).
struct HolidayStaffing {
  std::vector<Date> dates;
  double level = 1.0;
};

enum class Discipline : std::uint8_t { Fifo, Lifo, EarliestDeadlineFirst };

struct DisciplineConfig {
  Discipline order = Discipline::EarliestDeadlineFirst;
  std::vector<std::string> priority_segments;  // served first, in this order
  bool index_before_contacts = false;          // within a priority class
};

enum class WhenClosed : std::uint8_t { Message, Wait };

/// The inbound line: cases calling in first, call-backs after SMS or missed
/// calls, and an independent stream (e.g. spill-over from the general line).
struct InboundConfig {
  double per_day = 0;                          // independent stream, calls per day (Poisson)
  std::array<double, 24> hourly_profile{};     // weight per hour; all zero = flat over 24 h
  bool patience_limited = true;                // false: callers never hang up
  DurationDist patience = exponential(4 * kMinute);
  double retrial_share = 0;                    // callers who hang up and call again
  DurationDist retrial_delay = fixed(30 * kMinute);
  int max_retrials = 3;
  double sms_call_back_share = 0;              // SMS recipients who call the platform
  double missed_call_back_share = 0;           // people who call back after a missed call
  DurationDist call_back_delay = fixed(2 * kHour);
  DurationDist talk = fixed(5 * kMinute);      // calls other than index interviews
  DurationDist wrap_up = fixed(1 * kMinute);
  WhenClosed when_closed = WhenClosed::Message;
  Duration service_level_threshold = 20 * kSecond;
};

/// A kind of back-office work (certificates, sick-leave requests, e-mails,
/// reminders): agent time without a phone call, born when a person is
/// interviewed by phone (docs/model.md, "Back-office work").
struct BackOfficeKind {
  std::string name;
  double per_index_case = 0;                // expected items per index case reached by call
  double per_contact = 0;                   // expected items per contact reached by call
  DurationDist work = fixed(10 * kMinute);  // agent time of one item
  Duration deadline = 48 * kHour;           // from its birth
};

/// A task type's defaults: deadline and mean talk time differ, the rest is shared.
inline TaskConfig task_defaults(Duration deadline, Duration talk) {
  TaskConfig t;
  t.deadline = deadline;
  t.talk = fixed(talk);
  return t;
}

/// Everything the contact-tracing model needs for one run.
struct PlatformConfig;
struct InitialStates;  // initial_state.hpp

/// The parameters in force from `from` (00:00) on: the whole configuration with
/// every dated change up to that date applied (the scenario's `changes`). Only
/// the keys the scenario layer lets change may differ from the base.
struct DatedConfig {
  kernel::Date from{};
  std::shared_ptr<const PlatformConfig> config;
};

struct PlatformConfig {
  CalendarConfig calendar;
  IndexCaseConfig index_cases;
  CountDist contacts_per_case = poisson(2.0);
  std::array<TaskConfig, kTaskTypes> tasks{task_defaults(24 * kHour, 25 * kMinute),
                                           task_defaults(12 * kHour, 9 * kMinute)};
  AttemptConfig attempt;
  SmsConfig sms;
  std::vector<PoolConfig> pools;
  DisciplineConfig discipline;
  InboundConfig inbound;
  std::vector<DatedConfig> epochs;  // in date order; empty: the same parameters every day
  HolidayStaffing holidays;  // overload: reduced staffing on given dates
  NationalLevelConfig national_level;  // overload: takes stale tasks handed over
  std::vector<BackOfficeKind> back_office;  // kinds of back-office work; empty: none
  // The open work the run starts with (initial_state): as written, the file or
  // folder read (absolute), and what it holds; none: the run starts empty.
  std::string initial_state_path;
  std::string initial_state_file;
  std::shared_ptr<const InitialStates> initial_state;
};

/// Names used in scenario files, outputs and messages.
std::string_view name_of(TaskType t);

}  // namespace tracesim::model
