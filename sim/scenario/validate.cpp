// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "bounds.hpp"
#include "spellings.hpp"
#include "tracesim/kernel/calendar.hpp"
#include "tracesim/model/demand.hpp"
#include "tracesim/model/staffing.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/scenario/units.hpp"

// Cross-field rules over typed data. Pure: no YAML, no files (rule C1). The
// rules run in a fixed order, which is the order of the messages.
namespace tracesim::scenario {

namespace {

using detail::kMaxAgentsPerShift;
using detail::kMaxDays;
using detail::kMaxIndexCases;

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

struct Checks {
  Diagnostics out;
  void fail(std::string path, std::string message) {
    out.push_back(Diagnostic{"", 0, 0, std::move(path), std::move(message)});
  }
};

// The scenario's name is the default results folder (results/<name>): it must
// be a plain name, never a path that leads elsewhere ("../x", "/tmp/x").
void check_name(Checks& c, const std::string& name) {
  bool plain = !name.empty() && name.size() <= 100 && name.front() != '.' && name.front() != '-';
  for (const char ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                    ch == '-' || ch == '_' || ch == '.';
    plain = plain && ok;
  }
  if (!plain)
    c.fail("name", "expected a plain name of at most 100 letters, digits, '-', '_' or '.' (not first), got '" +
                       name + "'; it names the results folder, so it cannot be a path");
}

// The calendar's length (days, start to end inclusive) and opening hours.
int check_calendar(Checks& c, const model::CalendarConfig& cal) {
  const int days = cal.end.days - cal.start.days + 1;
  if (days < 1) c.fail("calendar.end", "must be on or after calendar.start (" + kernel::iso_date(cal.start) + ")");
  if (days > kMaxDays)
    c.fail("calendar.end", "the run covers " + std::to_string(days) + " days; at most " + std::to_string(kMaxDays) +
                               " are allowed");
  if (days >= 1 && cal.warm_up_days >= days)
    c.fail("calendar.warm_up_days", "must be less than the " + std::to_string(days) +
                                        " days of the calendar: nothing would be left to measure");
  for (std::size_t d = 0; d < 7; ++d) {
    const auto& h = cal.weekly[d];
    if (h.open && h.closes_at <= h.opens_at)
      c.fail("calendar.opening." + std::string{detail::kWeekdays[d]} + ".close",
             "must be after open (" + format_clock(h.opens_at) + ")");
  }
  return days;
}

// The curve against the calendar it must cover (only once the calendar is sound).
void check_curve_covers(Checks& c, const model::CaseCurve& curve, const model::CalendarConfig& cal, int days) {
  if (curve.kind == model::CurveKind::DailySeries && !curve.series.empty()) {
    const auto first = curve.series.front().date;
    const auto last = curve.series.back().date;
    if (first > cal.start || last < cal.end)
      c.fail("demand.index_cases.curve.daily_csv",
             "the series '" + curve.series_path + "' covers " + kernel::iso_date(first) + " to " +
                 kernel::iso_date(last) + " but the calendar runs " + kernel::iso_date(cal.start) + " to " +
                 kernel::iso_date(cal.end));
  } else if (curve.kind == model::CurveKind::DailySeries) {
    c.fail("demand.index_cases.curve.daily_csv", "the series is empty");
  }
  if (curve.kind != model::CurveKind::MonthlyTotals) return;
  std::set<std::pair<int, unsigned>> seen;
  for (const auto& mt : curve.monthly) seen.insert({mt.year, mt.month});
  for (int d = 0; d < days; d += 1) {
    int y = 0;
    unsigned m = 0;
    unsigned dd = 0;
    kernel::ymd_of(kernel::Date{cal.start.days + d}, y, m, dd);
    if (!seen.count({y, m})) {
      c.fail("demand.index_cases.curve.monthly_totals",
             "no total for " + kernel::iso_date(kernel::Date{cal.start.days + d}).substr(0, 7) +
                 ", a month the calendar covers");
      break;
    }
  }
  double w = 0;
  for (double x : curve.weekday_profile) w += x;
  if (w <= 0) c.fail("demand.index_cases.curve.weekday_profile", "at least one weight must be positive");
}

// Segments, the curve, the workload and the distributions; returns the segment names.
std::set<std::string> check_demand(Checks& c, const model::PlatformConfig& pc, int days) {
  const auto& ic = pc.index_cases;
  const auto& cal = pc.calendar;
  double seg_total = 0;
  std::set<std::string> seg_names;
  for (const auto& s : ic.segments) {
    seg_total += s.share;
    if (!seg_names.insert(s.name).second) c.fail("demand.index_cases.segments." + s.name, "duplicate segment");
  }
  if (std::abs(seg_total - 1.0) > 1e-6)
    c.fail("demand.index_cases.segments", "shares must sum to 1, got " + number(seg_total));
  if (ic.curve.kind == model::CurveKind::Waves) {
    for (std::size_t i = 0; i < ic.curve.waves.size(); ++i)
      if (ic.curve.waves[i].width_days <= 0)
        c.fail("demand.index_cases.curve.waves.peaks[" + std::to_string(i) + "].width", "must be positive");
  }
  if (days >= 1 && days <= kMaxDays) {
    check_curve_covers(c, ic.curve, cal, days);
    // Fail fast on absurd workloads instead of running for hours into the event budget.
    double expected = 0;
    for (int d = 0; d < days; ++d)
      expected += model::expected_positives(ic.curve, kernel::Date{cal.start.days + d}).value_or(0.0);
    expected *= ic.share_handled;
    if (expected > kMaxIndexCases)
      c.fail("demand.index_cases", "the curve gives about " + number(expected) +
                                       " index cases over the calendar; at most 2e8 can be simulated");
    // The work is estimated before it starts: people to trace and calls to answer.
    const double people = expected * (1 + model::mean_of(pc.contacts_per_case));
    if (expected <= kMaxIndexCases && people > detail::kMaxPeople)
      c.fail("demand.contacts_per_case", "gives about " + number(people) +
                                             " people to trace over the calendar; at most 5e8 can be simulated");
    const double calls = pc.inbound.per_day * days;
    if (calls > detail::kMaxInboundCalls)
      c.fail("inbound.per_day", "gives about " + number(calls) +
                                    " independent calls over the calendar; at most 5e8 can be simulated");
  }
  if (pc.contacts_per_case.law == model::CountLaw::Table) {
    double t = 0;
    for (double p : pc.contacts_per_case.table) t += p;
    if (pc.contacts_per_case.table.empty() || std::abs(t - 1.0) > 1e-6)
      c.fail("demand.contacts_per_case.probabilities", "must sum to 1, got " + number(t));
  }
  // Empirical weights that sum to zero are refused, located, by the reader.
  return seg_names;
}

// The SMS policy's steps and the priority segments name known segments.
void check_segment_uses(Checks& c, const model::PlatformConfig& pc, const std::set<std::string>& seg_names) {
  for (std::size_t i = 0; i < pc.sms.policy.size(); ++i) {
    const auto& step = pc.sms.policy[i];
    const std::string path = "sms.policy[" + std::to_string(i) + "]";
    if (!step.segment.empty() && !seg_names.count(step.segment))
      c.fail(path + ".segment",
             "unknown segment '" + step.segment + "'; segments are those of demand.index_cases.segments");
    if (i > 0 && step.from < pc.sms.policy[i - 1].from) c.fail(path + ".from", "steps must be in date order");
  }
  for (std::size_t i = 0; i < pc.discipline.priority_segments.size(); ++i)
    if (!seg_names.count(pc.discipline.priority_segments[i]))
      c.fail("staffing.discipline.priority_segments[" + std::to_string(i) + "]",
             "unknown segment '" + pc.discipline.priority_segments[i] + "'");
}

// A shift's planned blocks lie within it and overlap neither each other nor the break.
void check_blocks(Checks& c, const model::ShiftConfig& sh, const std::string& sp) {
  constexpr std::size_t kMaxBlocks = 32;  // the roster counts a shift's pauses in a byte
  if (sh.blocks.size() > kMaxBlocks) c.fail(sp + ".blocks", "at most " + std::to_string(kMaxBlocks) + " blocks");
  const kernel::Duration break_at = sh.break_start.count() >= 0
                                        ? sh.break_start
                                        : sh.start + (sh.end - sh.start - sh.break_length) / 2;
  for (std::size_t b = 0; b < sh.blocks.size(); ++b) {
    const auto& bl = sh.blocks[b];
    const std::string bp = sp + ".blocks[" + std::to_string(b) + "]";
    if (bl.start < sh.start || bl.start + bl.length > sh.end) {
      c.fail(bp + ".start", "the block must lie within the shift");
      continue;
    }
    if (sh.break_length.count() > 0 && bl.start < break_at + sh.break_length && break_at < bl.start + bl.length)
      c.fail(bp + ".start", "the block overlaps the break");
    for (std::size_t o = 0; o < b; ++o)
      if (bl.start < sh.blocks[o].start + sh.blocks[o].length && sh.blocks[o].start < bl.start + bl.length)
        c.fail(bp + ".start", "the block overlaps blocks[" + std::to_string(o) + "]");
  }
}

// Whether the platform is open on `date` (its weekday's hours, not a closed date).
bool is_open(const model::CalendarConfig& cal, kernel::Date date) {
  if (!cal.weekly[static_cast<std::size_t>(kernel::weekday_of(date))].open) return false;
  for (const auto& closed : cal.closed_dates)
    if (closed.days == date.days) return false;
  return true;
}

// A calendar that never opens, or a pool whose shifts never meet an open day's
// opening hours, runs without error and reports nothing useful: say so.
void check_open_time(Checks& c, const model::PlatformConfig& pc, int days) {
  if (days < 1 || days > kMaxDays) return;
  const auto& cal = pc.calendar;
  bool ever_open = false;
  for (int d = 0; d < days && !ever_open; ++d) ever_open = is_open(cal, kernel::Date{cal.start.days + d});
  if (!ever_open) {
    c.fail("calendar.opening", "the platform is never open between calendar.start and calendar.end "
                               "(every day is closed by calendar.opening or calendar.closed_dates)");
    return;
  }
  for (const auto& pool : pc.pools) {
    bool works = false;
    for (int d = 0; d < days && !works; ++d) {
      const kernel::Date date{cal.start.days + d};
      if (!is_open(cal, date)) continue;
      const auto w = static_cast<std::size_t>(kernel::weekday_of(date));
      const auto& hours = cal.weekly[w];
      for (const auto& sh : pool.shifts)
        works = works || (sh.weekdays[w] && sh.start < hours.closes_at && sh.end > hours.opens_at);
    }
    if (!works && !pool.shifts.empty())
      c.fail("staffing.pools." + pool.name + ".shifts",
             "no shift of this pool falls within the opening hours of an open day of the calendar; its agents "
             "would never work");
  }
}

// One pool: skills, shifts and breaks, its size steps.
void check_pool(Checks& c, const model::PoolConfig& pool) {
  const std::string base = "staffing.pools." + pool.name;
  if (!pool.skills[0] && !pool.skills[1] && !pool.inbound_skill && !pool.back_office_skill)
    c.fail(base + ".skills", "a pool needs at least one skill");
  for (std::size_t s = 0; s < pool.shifts.size(); ++s) {
    const auto& sh = pool.shifts[s];
    const std::string sp = base + ".shifts[" + std::to_string(s) + "]";
    if (sh.end <= sh.start) {
      c.fail(sp + ".end", "must be after start (" + format_clock(sh.start) + ")");
      continue;
    }
    if (sh.break_length >= sh.end - sh.start)
      c.fail(sp + ".break", "must be shorter than the shift (" + format_duration(sh.end - sh.start) + ")");
    if (sh.break_start.count() >= 0 && (sh.break_start < sh.start || sh.break_start + sh.break_length > sh.end))
      c.fail(sp + ".break_start", "the break must lie within the shift");
    if (pool.no_new_attempt_before_end >= sh.end - sh.start)
      c.fail(base + ".no_new_attempt_before_end", "must be shorter than shift " + sh.name);
    check_blocks(c, sh, sp);
  }
  for (std::size_t i = 1; i < pool.steps.size(); ++i)
    if (pool.steps[i].from <= pool.steps[i - 1].from)
      c.fail(base + (pool.size_mode == model::SizeMode::Fte ? ".fte[" : ".roster[") + std::to_string(i) + "].from",
             "steps must be in increasing date order");
  if (pool.size_mode != model::SizeMode::Fte || pool.shifts.empty()) return;
  for (std::size_t i = 0; i < pool.steps.size(); ++i) {
    const double per_shift = model::agents_per_shift_from_fte(pool, pool.steps[i].fte);
    if (per_shift > kMaxAgentsPerShift)
      c.fail(base + ".fte[" + std::to_string(i) + "].fte", "gives " +
                                                              std::to_string(static_cast<long long>(per_shift)) +
                                                              " agents per shift; at most " +
                                                              std::to_string(kMaxAgentsPerShift));
  }
}

// Every kind of work that arrives has a pool to do it; reinforcement thresholds agree.
void check_coverage(Checks& c, const model::PlatformConfig& pc) {
  std::array<bool, model::kTaskTypes> served{};
  for (const auto& pool : pc.pools)
    for (std::size_t t = 0; t < model::kTaskTypes; ++t) served[t] = served[t] || pool.skills[t];
  const auto& ic = pc.index_cases;
  const auto& in = pc.inbound;
  const bool inbound_demand = ic.inbound_first_share > 0 || in.per_day > 0 || in.sms_call_back_share > 0 ||
                              in.missed_call_back_share > 0;
  bool inbound_served = false;
  for (const auto& pool : pc.pools) inbound_served = inbound_served || pool.inbound_skill;
  if (inbound_demand && !pc.pools.empty() && !inbound_served)
    c.fail("staffing.pools", "inbound calls arrive (inbound_first_share, inbound.per_day or call-backs) but no pool "
                             "has the skill inbound");
  bool back_office_served = false;
  for (const auto& pool : pc.pools) back_office_served = back_office_served || pool.back_office_skill;
  if (!pc.back_office.empty() && !pc.pools.empty() && !back_office_served)
    c.fail("back_office", "back-office work is declared but no pool has the skill back_office; it would never be done");
  for (const auto& pool : pc.pools) {
    if (pool.reinforcement.enabled && pool.reinforcement.release_backlog_below > pool.reinforcement.backlog_above)
      c.fail("staffing.pools." + pool.name + ".reinforcement.release_backlog_below",
             "must not exceed backlog_above, or the pool would open and close on the same backlog");
  }
  // Outbound work exists unless the case curve is a constant zero (an inbound-only centre).
  const bool outbound_demand = !(ic.curve.kind == model::CurveKind::Constant && ic.curve.per_day == 0);
  if (pc.pools.empty() || !outbound_demand) return;
  for (std::size_t t = 0; t < model::kTaskTypes; ++t)
    if (!served[t])
      c.fail("staffing.pools", "no pool has the skill " + std::string{model::name_of(static_cast<model::TaskType>(t))} +
                                   "; that work would never be done");
}

// Overload: weekday and holiday levels keep every day's agents within bounds,
// and an FTE pool's profile leaves its shifts some day to work.
void check_staffing_levels(Checks& c, const model::PlatformConfig& pc) {
  for (const auto& pool : pc.pools) {
    const std::string base = "staffing.pools." + pool.name;
    double weighted = 0;
    for (const auto& sh : pool.shifts)
      for (std::size_t d = 0; d < 7; ++d) weighted += sh.weekdays[d] ? pool.weekday_profile[d] : 0.0;
    if (pool.size_mode == model::SizeMode::Fte && !pool.shifts.empty() && weighted <= 0)
      c.fail(base + ".weekday_profile", "is zero on every day the pool's shifts run: its FTE would buy no agent");
    const double peak = *std::max_element(pool.weekday_profile.begin(), pool.weekday_profile.end()) *
                        std::max(1.0, pc.holidays.level);
    for (std::size_t i = 0; i < pool.steps.size(); ++i) {
      const auto& step = pool.steps[i];
      double most = 0;
      if (pool.size_mode == model::SizeMode::Fte) {
        most = pool.shifts.empty() ? 0.0 : model::agents_per_shift_from_fte(pool, step.fte) * peak;
      } else {
        for (int n : step.agents_per_shift) most = std::max(most, n * peak);
      }
      if (peak > 1.0 && most > kMaxAgentsPerShift)
        c.fail(base + ".weekday_profile", "gives " + std::to_string(static_cast<long long>(most)) +
                                              " agents per shift on its busiest day; at most " +
                                              std::to_string(kMaxAgentsPerShift));
    }
  }
}

}  // namespace

Diagnostics validate(const Scenario& sc) {
  Checks c;
  const model::PlatformConfig& pc = sc.platform;
  check_name(c, sc.name);
  const int days = check_calendar(c, pc.calendar);
  const auto seg_names = check_demand(c, pc, days);
  check_segment_uses(c, pc, seg_names);
  for (const auto& pool : pc.pools) check_pool(c, pool);
  check_coverage(c, pc);
  check_staffing_levels(c, pc);
  for (std::size_t t = 0; t < model::kTaskTypes; ++t)
    if (pc.tasks[t].stale.action == model::StaleAction::National && pc.national_level.capacity_per_day <= 0)
      c.fail("tasks." + std::string{model::name_of(static_cast<model::TaskType>(t))} + ".stale.action",
             "hands stale tasks to the national level, but staffing.national_level.capacity_per_day is not set");
  check_open_time(c, pc, days);
  return std::move(c.out);
}

}  // namespace tracesim::scenario
