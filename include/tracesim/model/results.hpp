// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/kernel/time.hpp"
#include "tracesim/model/config.hpp"
#include "tracesim/model/initial_state.hpp"

// Facts one replication produced. The model fills them; tracesim::output
// formats them (rule O2). Times are integer milliseconds.
namespace tracesim::model {

/// Counts for one simulated day (00:00 to 24:00). Per-task arrays are indexed by TaskType.
struct DayStats {
  kernel::Date date{};
  // Monday to Friday and open: calendar.closed_dates (public holidays) excluded.
  bool working_day = false;
  std::array<std::uint32_t, kTaskTypes> arrived{};      // index cases arrived, contacts identified
  std::array<std::uint32_t, kTaskTypes> attempts{};     // outbound dial attempts started
  std::array<std::uint32_t, kTaskTypes> connected{};    // attempts answered
  std::array<std::uint32_t, kTaskTypes> reached_call{};
  std::array<std::uint32_t, kTaskTypes> reached_sms{};
  std::array<std::uint32_t, kTaskTypes> not_reached{};
  std::array<std::uint32_t, kTaskTypes> sms_sent{};
  std::array<std::uint32_t, kTaskTypes> backlog_at_close{};  // unresolved at the day's closing time
  std::int64_t staffed_ms = 0;   // agent time on shift, breaks excluded
  std::int64_t busy_ms = 0;      // agent time on attempts started that day
  std::int64_t overtime_ms = 0;  // agent time past the end of shift
  std::uint32_t inbound_offered = 0;
  std::uint32_t inbound_answered = 0;
  std::uint32_t inbound_abandoned = 0;
  std::uint32_t inbound_refused_closed = 0;
  std::uint32_t inbound_answered_within_threshold = 0;
  std::int64_t inbound_wait_answered_ms = 0;
  // Overload: stale tasks dropped, sent to SMS (also in reached_sms), handed to the national level
  std::array<std::uint32_t, kTaskTypes> stale_dropped{};
  std::array<std::uint32_t, kTaskTypes> stale_to_sms{};
  std::array<std::uint32_t, kTaskTypes> to_national{};
  // Outcomes: reached calls that ended with an appointment
  std::array<std::uint32_t, kTaskTypes> appointments{};
  // Back-office work: items born, done, and done after their deadline (also in done)
  std::uint32_t back_office_created = 0;
  std::uint32_t back_office_done = 0;
  std::uint32_t back_office_done_late = 0;
};

/// Time from arrival (index case) or identification (contact) to being reached,
/// binned by minute; the last bin holds everything beyond.
struct ReachTimes {
  static constexpr std::size_t kBins = 30 * 24 * 60;  // 30 days of minutes
  std::vector<std::uint32_t> minutes = std::vector<std::uint32_t>(kBins + 1, 0);
  std::uint64_t count = 0;
  std::int64_t sum_ms = 0;

  void add(kernel::Duration d);
  /// Smallest t (in minutes, upper bin edge) with at least share q of the
  /// recorded times <= t; 0 if empty.
  [[nodiscard]] double quantile_minutes(double q) const;
};

/// Totals of one task type. Conservation: arrived == reached_call + reached_sms
/// + not_reached + stale_dropped + to_national + pending.
struct TaskTotals {
  std::uint64_t arrived = 0;
  std::uint64_t initial = 0;  // open at the start, from an initial state (not in arrived)
  std::uint64_t reached_call = 0;
  std::uint64_t reached_sms = 0;
  std::uint64_t not_reached = 0;
  std::uint64_t pending = 0;          // unresolved at the horizon (queued, waiting or in a call)
  std::uint64_t reached_within_12h = 0;
  std::uint64_t reached_within_24h = 0;
  std::uint64_t reached_within_deadline = 0;
  std::uint64_t attempts = 0;
  std::uint64_t connected = 0;
  std::uint64_t sms_sent = 0;
  // Contacts only: every contact the arrived index cases would name, drawn when the
  // case is created, whether or not it is ever interviewed (>= arrived).
  std::uint64_t named = 0;
  ReachTimes reach_times;
  ReachTimes first_call_times;  // arrival to the start of the first outbound attempt
  // Overload: stale tasks dropped (final), sent to SMS (a part of reached_sms),
  // handed to the national level (final, outcome not modelled)
  std::uint64_t stale_dropped = 0;
  std::uint64_t stale_to_sms = 0;
  std::uint64_t to_national = 0;
  std::uint64_t appointments = 0;  // reached calls that ended with an appointment (a part of reached_call)
};

/// Waiting times of inbound calls, binned by second; the last bin holds the rest.
struct WaitTimes {
  static constexpr std::size_t kBins = 4 * 60 * 60;  // 4 hours of seconds
  std::vector<std::uint32_t> seconds = std::vector<std::uint32_t>(kBins + 1, 0);
  std::uint64_t count = 0;
  void add(kernel::Duration d);
  /// Upper edge (seconds) of the bin holding quantile q; 0 if empty.
  [[nodiscard]] double quantile_seconds(double q) const;
};

/// The inbound line. Balance: offered == answered + abandoned + refused_closed
/// + waiting_at_horizon (a retrial is a new offered call).
struct InboundTotals {
  std::uint64_t offered = 0;
  std::uint64_t answered = 0;
  std::uint64_t abandoned = 0;
  std::uint64_t refused_closed = 0;
  std::uint64_t waiting_at_horizon = 0;
  std::uint64_t answered_within_threshold = 0;
  std::uint64_t waited = 0;                  // answered after a wait > 0
  std::int64_t wait_answered_ms = 0;         // total wait of answered calls
  std::int64_t wait_all_ms = 0;              // total time in queue of every call (to the horizon)
  double queue_area_ms = 0;                  // integral of the queue length over time
  std::int64_t horizon_ms = 0;
  WaitTimes answered_waits;
};

struct PoolTotals {
  std::string name;
  std::int64_t staffed_ms = 0;
  std::int64_t busy_ms = 0;
  std::int64_t overtime_ms = 0;
  std::uint64_t attempts = 0;
  std::uint64_t inbound_answered = 0;
  std::uint32_t active_days = 0;  // days with agents on shift
};

/// Back-office work. Conservation: created == done + pending.
struct BackOfficeTotals {
  std::uint64_t initial = 0;    // waiting at the start, from a snapshot (not in created)
  std::uint64_t created = 0;
  std::uint64_t done = 0;
  std::uint64_t done_late = 0;  // done after the deadline (a part of done)
  std::uint64_t pending = 0;    // waiting or in hand at the horizon
  std::int64_t work_ms = 0;     // agent time on the items started
};

/// Everything one replication reports.
struct RunResult {
  std::vector<DayStats> days;
  std::array<TaskTotals, kTaskTypes> tasks;
  std::vector<PoolTotals> pools;
  InboundTotals inbound;
  std::uint64_t events = 0;
  bool stopped = false;  // interrupted before the horizon
  bool stale_rules = false;  // overload: a stale rule was set (its counts are reported)
  bool outcomes = false;     // an outcome share was set (appointments are reported)
  BackOfficeTotals back_office;
  bool back_office_kinds = false;  // back-office work was declared (its counts are reported)
  // The first days were a warm-up: the totals above leave them out, `days` keeps them.
  std::uint32_t warm_up_days = 0;
  bool initial_state = false;        // the run started from an initial state (its counts are reported)
  std::vector<Snapshot> snapshots;   // the states asked for (RunOptions::snapshot_days), in date order
};

}  // namespace tracesim::model
