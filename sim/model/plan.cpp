// SPDX-License-Identifier: Apache-2.0
#include "tracesim/model/plan.hpp"

#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string>

#include "tracesim/model/demand.hpp"
#include "tracesim/model/staffing.hpp"

namespace tracesim::model {
namespace {

using kernel::kDay;

std::vector<DayPlan> compile_days(const PlatformConfig& c) {
  const CalendarConfig& cal = c.calendar;
  const std::int32_t n = cal.end.days - cal.start.days + 1;
  if (n <= 0) throw std::invalid_argument("calendar: end is before start");
  std::vector<DayPlan> days(static_cast<std::size_t>(n));
  for (std::int32_t d = 0; d < n; ++d) {
    DayPlan& day = days[static_cast<std::size_t>(d)];
    day.date = Date{cal.start.days + d};
    day.start = SimTime{kDay * d};
    day.weekday = static_cast<std::size_t>(kernel::weekday_of(day.date));
    const DayHours& h = cal.weekly[day.weekday];
    const bool closed =
        !h.open || std::find(cal.closed_dates.begin(), cal.closed_dates.end(), day.date) != cal.closed_dates.end();
    day.open_from = closed ? day.start : day.start + h.opens_at;
    day.open_until = closed ? day.start : day.start + h.closes_at;
    day.expected_positives = expected_positives(c.index_cases.curve, day.date);
  }
  return days;
}

// Release profile: cumulative weights per hour; all zero means 08h-18h uniform.
std::array<double, 24> release_cdf(const std::array<double, 24>& profile) {
  double total = 0;
  for (double w : profile) total += w;
  std::array<double, 24> cdf{};
  double acc = 0;
  for (std::size_t h = 0; h < 24; ++h) {
    double w = profile[h];
    if (total <= 0) w = (h >= 8 && h < 18) ? 1.0 : 0.0;
    acc += w;
    cdf[h] = acc;
  }
  return cdf;
}

struct SmsStep {
  Date from{};
  int segment = -1;  // -1: all segments
  std::array<double, kTaskTypes> share{};
};

// The share in force for (type, segment, date): the latest step wins; on the same
// date a segment-specific step wins over one for all segments.
double sms_share_on(const std::vector<SmsStep>& steps, TaskType type, std::size_t segment, Date date) {
  double share = 0;
  Date best_from{INT32_MIN};
  for (const SmsStep& s : steps) {
    if (s.from > date) continue;
    if (s.segment >= 0 && static_cast<std::size_t>(s.segment) != segment) continue;
    if (s.from > best_from || (s.from == best_from && s.segment >= 0)) {
      best_from = s.from;
      share = s.share[index_of(type)];
    }
  }
  return share;
}

std::vector<double> compile_sms(const PlatformConfig& c, const std::vector<DayPlan>& days) {
  const auto& segs = c.index_cases.segments;
  std::vector<SmsStep> steps;
  for (const SmsPolicyStep& step : c.sms.policy) {
    SmsStep s{step.from, -1, step.share};
    for (std::size_t i = 0; i < segs.size(); ++i)
      if (segs[i].name == step.segment) s.segment = static_cast<int>(i);
    if (!step.segment.empty() && s.segment < 0)
      throw std::invalid_argument("sms.policy: unknown segment " + step.segment);
    steps.push_back(s);
  }
  std::vector<double> table;
  table.reserve(days.size() * segs.size() * kTaskTypes);
  for (const DayPlan& day : days)
    for (std::size_t s = 0; s < segs.size(); ++s)
      for (std::size_t ty = 0; ty < kTaskTypes; ++ty)
        table.push_back(sms_share_on(steps, static_cast<TaskType>(ty), s, day.date));
  return table;
}

PoolRule compile_pool(const PoolConfig& pool, const std::vector<DayPlan>& days, const HolidayStaffing& holidays) {
  PoolRule r;
  for (std::size_t ty = 0; ty < kTaskTypes; ++ty)
    if (pool.skills[ty]) r.skills = static_cast<std::uint8_t>(r.skills | (1u << ty));
  r.inbound = pool.inbound_skill;
  r.back_office = pool.back_office_skill;
  r.blend = pool.blend.mode;
  r.reserve_agents = static_cast<std::uint64_t>(pool.blend.reserve_agents);
  r.pause_queue_above = static_cast<std::uint64_t>(pool.blend.pause_queue_above);
  r.efficiency = pool.efficiency;
  r.no_new_attempt_before_end = pool.no_new_attempt_before_end;
  r.roster = pool.size_mode == SizeMode::Roster;
  for (const ShiftConfig& s : pool.shifts) {
    ShiftRule rule;
    rule.start = s.start;
    rule.end = s.end;
    rule.break_length = s.break_length;
    rule.break_at = s.break_start.count() >= 0 ? s.break_start : s.start + (s.end - s.start - s.break_length) / 2;
    rule.working = working_time(s);
    rule.available = rule.working;
    if (s.break_length.count() > 0) rule.pauses.push_back({rule.break_at, s.break_length});
    for (const ShiftBlock& b : s.blocks) {
      rule.pauses.push_back({b.start, b.length});
      rule.available -= b.length;
    }
    std::stable_sort(rule.pauses.begin(), rule.pauses.end(),
                     [](const PauseRule& x, const PauseRule& y) { return x.start < y.start; });
    rule.weekdays = s.weekdays;
    r.shifts.push_back(rule);
  }
  for (const StaffingStep& step : pool.steps) {
    StaffingRule rule;
    rule.per_shift = r.roster ? 0.0 : agents_per_shift_from_fte(pool, step.fte);
    rule.agents_per_shift = step.agents_per_shift;
    r.steps.push_back(std::move(rule));
  }
  for (const DayPlan& day : days) {
    const StaffingStep* step = step_on(pool, day.date);
    r.step_of_day.push_back(step == nullptr ? -1 : static_cast<std::int32_t>(step - pool.steps.data()));
  }
  const ReinforcementConfig& rf = pool.reinforcement;
  r.reinforcement = rf.enabled;
  r.reinforce_backlog_above = static_cast<std::uint64_t>(rf.backlog_above);
  r.reinforce_at_risk_share_above = rf.at_risk_share_above;
  r.activation_delay = rf.activation_delay;
  r.release_backlog_below = static_cast<std::uint64_t>(rf.release_backlog_below);
  r.level_of_day = staffing_levels(pool, holidays, days);
  return r;
}

Samplers compile_samplers(const PlatformConfig& c) {
  return Samplers{DurationSampler{c.index_cases.delay_to_platform},
                  {DurationSampler{c.tasks[0].talk}, DurationSampler{c.tasks[1].talk}},
                  {DurationSampler{c.tasks[0].wrap_up}, DurationSampler{c.tasks[1].wrap_up}},
                  DurationSampler{c.attempt.ring},
                  DurationSampler{c.attempt.no_answer_handling},
                  DurationSampler{c.inbound.patience},
                  DurationSampler{c.inbound.retrial_delay},
                  DurationSampler{c.inbound.call_back_delay},
                  DurationSampler{c.inbound.talk},
                  DurationSampler{c.inbound.wrap_up},
                  {DurationSampler{c.tasks[0].entry_per_contact}, DurationSampler{c.tasks[1].entry_per_contact}}};
}

}  // namespace

SimTime Plan::next_opening(SimTime t) const noexcept {
  const auto first = std::clamp(static_cast<std::int32_t>(kernel::ms_of(t) / kDay.count()), 0, day_count() - 1);
  for (auto d = static_cast<std::size_t>(first); d < days.size(); ++d) {
    if (days[d].is_open() && days[d].open_until > t) return std::max(t, days[d].open_from);
  }
  return horizon();
}

namespace {

Plan compile_one(const PlatformConfig& c) {
  Plan p;
  p.days = compile_days(c);
  p.warm_up_days = static_cast<std::size_t>(std::max(0, c.calendar.warm_up_days));
  p.initial = c.initial_state;
  if (p.initial) p.first_day = p.initial->first_day;
  for (DayPlan& day : p.days)
    day.holiday = std::find(c.holidays.dates.begin(), c.holidays.dates.end(), day.date) != c.holidays.dates.end();
  if (c.pools.empty()) throw std::invalid_argument("staffing: no pool");
  const IndexCaseConfig& ic = c.index_cases;
  p.recorded_series = ic.curve.kind == CurveKind::DailySeries;
  p.share_handled = ic.share_handled;
  p.release_cdf = release_cdf(ic.release_profile);
  p.release_spread_within_hour = ic.release_spread_within_hour;
  for (const Segment& s : ic.segments) p.segment_shares.push_back(s.share);
  p.inbound_first_share = ic.inbound_first_share;
  p.prelisted_contact_share = ic.prelisted_contact_share;
  p.contacts_per_case = c.contacts_per_case;

  // Work list ranks: the priority segments in order, then the rest. (Cases that call
  // in wait on the inbound line, not in the work list.)
  const auto& priority = c.discipline.priority_segments;
  p.order = c.discipline.order;
  p.index_before_contacts = c.discipline.index_before_contacts;
  p.ranks = priority.size() + 1;
  p.segment_rank.assign(ic.segments.size(), priority.size());
  for (std::size_t r = 0; r < priority.size(); ++r)
    for (std::size_t s = 0; s < ic.segments.size(); ++s)
      if (ic.segments[s].name == priority[r]) p.segment_rank[s] = r;

  for (std::size_t ty = 0; ty < kTaskTypes; ++ty) {
    const TaskConfig& t = c.tasks[ty];
    p.tasks[ty] = TaskRule{t.deadline,          t.sms_at_deadline,       t.retry.max_attempts,
                           t.retry.min_spacing, t.retry.only_while_open, t.retry.on_exhausted,
                           t.stale.action,      t.stale.after,           t.outcomes.appointment};
    if (t.retry.min_spacing.empty()) throw std::invalid_argument("tasks: retry.min_spacing has no spacing");
    p.stale_rules = p.stale_rules || t.stale.action != StaleAction::Keep;
    p.outcomes = p.outcomes || !t.outcomes.appointment.empty();
  }
  p.national_capacity_per_day = static_cast<std::uint64_t>(std::max(0, c.national_level.capacity_per_day));
  for (double base : c.attempt.answer_probability) {
    std::array<double, 24> by_hour{};
    for (std::size_t h = 0; h < 24; ++h) by_hour[h] = std::min(1.0, base * c.attempt.answer_hour_factor[h]);
    p.answer_probability.push_back(by_hour);
  }

  p.sms_shares = compile_sms(c, p.days);
  p.sms_interval = c.sms.gateway_per_hour > 0
                       ? Duration{static_cast<std::int64_t>(3'600'000.0 / c.sms.gateway_per_hour)}
                       : Duration{0};
  p.sms_delivery_delay = c.sms.delivery_delay;
  p.index_declares_contacts_share = c.sms.index_declares_contacts_share;

  const InboundConfig& in = c.inbound;
  p.independent_calls = in.per_day > 0;
  double inbound_total = 0;
  for (double w : in.hourly_profile) inbound_total += w;
  for (std::size_t h = 0; h < 24; ++h) {
    const double share = inbound_total > 0 ? in.hourly_profile[h] / inbound_total : 1.0 / 24;
    p.inbound_rate[h] = in.per_day * share / static_cast<double>(kernel::kHour.count());
  }
  p.patience_limited = in.patience_limited;
  p.when_closed = in.when_closed;
  p.retrial_share = in.retrial_share;
  p.max_retrials = in.max_retrials;
  p.sms_call_back_share = in.sms_call_back_share;
  p.missed_call_back_share = in.missed_call_back_share;
  p.service_level_threshold = in.service_level_threshold;

  for (const PoolConfig& pool : c.pools) {
    p.pools.push_back(compile_pool(pool, p.days, c.holidays));
    p.pool_names.push_back(pool.name);
  }
  p.samplers = compile_samplers(c);
  for (const BackOfficeKind& k : c.back_office)
    p.back_office.push_back(BackOfficeRule{{k.per_index_case, k.per_contact}, DurationSampler{k.work}, k.deadline});
  return p;
}

}  // namespace

// Each dated epoch is compiled whole: the handlers then read one plan, swapped
// at midnight. The work list is sized for the most priority ranks any epoch has.
Plan compile(const PlatformConfig& c) {
  Plan p = compile_one(c);
  if (c.epochs.empty()) return p;
  std::size_t ranks = p.ranks;
  std::vector<std::shared_ptr<Plan>> epochs;
  for (const DatedConfig& e : c.epochs) {
    if (!e.config) throw std::invalid_argument("changes: an epoch without its configuration");
    epochs.push_back(std::make_shared<Plan>(compile_one(*e.config)));
    if (epochs.back()->days.size() != p.days.size() || epochs.back()->pools.size() != p.pools.size() ||
        epochs.back()->back_office.size() != p.back_office.size())
      throw std::invalid_argument("changes: an epoch changes the calendar, the pools or the back-office kinds");
    ranks = std::max(ranks, epochs.back()->ranks);
  }
  p.ranks = ranks;
  for (auto& e : epochs) {
    e->ranks = ranks;
    p.epochs.push_back(std::move(e));
  }
  p.epoch_of_day.assign(p.days.size(), -1);
  for (std::size_t d = 0; d < p.days.size(); ++d)
    for (std::size_t e = 0; e < c.epochs.size(); ++e)
      if (c.epochs[e].from <= p.days[d].date) p.epoch_of_day[d] = static_cast<std::int32_t>(e);
  return p;
}

}  // namespace tracesim::model
