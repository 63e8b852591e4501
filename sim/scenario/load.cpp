// SPDX-License-Identifier: Apache-2.0
// The scenario reader: one function per section of the file, in file order, all
// built on the strict readers of yaml_reader.hpp. Longer than the house limit
// because the format is: each section's keys are read, ranged and reported here,
// next to each other, so that a reader of the format finds every key in one place.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <memory>
#include <sstream>

#include "bounds.hpp"
#include "overrides.hpp"
#include "schema.hpp"
#include "spellings.hpp"
#include "tracesim/scenario/cases_csv.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "tracesim/scenario/units.hpp"
#include "yaml_reader.hpp"

namespace tracesim::scenario {

using detail::Field;
using detail::MapReader;
using detail::ReadContext;
using kernel::Duration;
using model::TaskType;

namespace {

using detail::kMaxAgentsPerShift;
using detail::kMaxDuration;
using detail::kMaxFte;
using detail::kMaxPerDay;
using detail::kWeekdays;

// Reads `key` of `m` into `out` with `read` if present; keeps the default otherwise.
template <class T, class Read>
void optional_key(const MapReader& m, const std::string& key, T& out, Read&& read) {
  if (!m.has(key)) return;
  if (auto v = read(m.at(key))) out = static_cast<T>(*v);
}

template <class T, class Read>
bool required_key(const MapReader& m, const std::string& key, T& out, Read&& read) {
  if (!m.has(key)) {
    m.missing(key);
    return false;
  }
  auto v = read(m.at(key));
  if (v) out = static_cast<T>(*v);
  return v.has_value();
}

// Reads an hour -> weight mapping ("08:00": 0.3) into 24 slots.
void read_hourly(ReadContext& ctx, const Field& f, std::array<double, 24>& out, double max) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  for (const auto& kv : f.node) {
    const std::string key = kv.first.Scalar();
    const Field item = f.named(key);
    const auto clock = kernel::Duration{0};
    (void)clock;
    const auto at = detail::read_clock(ctx, Field{kv.first, item.path, item.pattern});
    if (!at) continue;
    if (at->count() % kernel::kHour.count() != 0 || *at >= 24 * kernel::kHour) {
      ctx.error(kv.first, item.path, "expected a whole hour from 00:00 to 23:00");
      continue;
    }
    if (auto w = detail::read_double(ctx, item, 0, max))
      out[static_cast<std::size_t>(at->count() / kernel::kHour.count())] = *w;
  }
}

model::DayHours read_day_hours(ReadContext& ctx, const Field& f) {
  model::DayHours h;
  if (f.node.IsScalar() && f.node.Scalar() == "closed") {
    h.open = false;
    return h;
  }
  if (f.node.IsScalar()) {
    ctx.error(f.node, f.path, "expected {open: \"HH:MM\", close: \"HH:MM\"} or closed, got '" +
                                  f.node.Scalar() + "'");
    return h;
  }
  MapReader m{ctx, f};
  if (!m.is_map()) return h;
  required_key(m, "open", h.opens_at, [&](const Field& x) { return detail::read_clock(ctx, x); });
  required_key(m, "close", h.closes_at, [&](const Field& x) { return detail::read_clock(ctx, x); });
  return h;
}

void read_calendar(ReadContext& ctx, const Field& f, model::CalendarConfig& cal) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  auto date = [&](const Field& x) { return detail::read_date(ctx, x); };
  required_key(m, "start", cal.start, date);
  required_key(m, "end", cal.end, date);
  if (m.has("opening")) {
    const Field op = m.at("opening");
    MapReader o{ctx, op};
    // Broad keys first, specific ones override: all_days < weekdays/weekend < named day.
    if (o.is_map()) {
      if (o.has("all_days")) cal.weekly.fill(read_day_hours(ctx, o.at("all_days")));
      if (o.has("weekdays")) {
        const auto h = read_day_hours(ctx, o.at("weekdays"));
        for (int d = 0; d < 5; ++d) cal.weekly[static_cast<std::size_t>(d)] = h;
      }
      if (o.has("weekend")) {
        const auto h = read_day_hours(ctx, o.at("weekend"));
        cal.weekly[5] = h;
        cal.weekly[6] = h;
      }
      for (std::size_t d = 0; d < 7; ++d)
        if (o.has(std::string{kWeekdays[d]})) cal.weekly[d] = read_day_hours(ctx, o.at(std::string{kWeekdays[d]}));
    }
  }
  if (m.has("closed_dates")) {
    const Field cd = m.at("closed_dates");
    if (detail::expect_sequence(ctx, cd))
      for (std::size_t i = 0; i < cd.node.size(); ++i)
        if (auto d = date(cd.item(i))) cal.closed_dates.push_back(*d);
  }
}

void read_curve(ReadContext& ctx, const Field& f, model::CaseCurve& curve,
                const std::filesystem::path& base_dir) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  int kinds = 0;
  for (const char* k : {"constant", "monthly_totals", "daily_csv", "piecewise", "waves"}) kinds += m.has(k) ? 1 : 0;
  if (kinds != 1) {
    ctx.error(f.node, f.path,
              "expected exactly one of constant, monthly_totals, daily_csv, piecewise or waves; got " +
                  std::to_string(kinds));
    return;
  }
  if (m.has("weekday_profile") && !m.has("monthly_totals"))
    ctx.error(m.at("weekday_profile").node, m.at("weekday_profile").path, "only used with monthly_totals");
  if (m.has("constant")) {
    curve.kind = model::CurveKind::Constant;
    optional_key(m, "constant", curve.per_day, [&](const Field& x) { return detail::read_double(ctx, x, 0, kMaxPerDay); });
  } else if (m.has("monthly_totals")) {
    curve.kind = model::CurveKind::MonthlyTotals;
    const Field mt = m.at("monthly_totals");
    MapReader months{ctx, mt};
    if (months.is_map()) {
      for (const auto& kv : mt.node) {
        const std::string key = kv.first.Scalar();
        const Field item = mt.named(key);
        kernel::Date d;
        if (!kernel::parse_iso_date(key + "-01", d)) {
          ctx.error(kv.first, item.path, "expected a month YYYY-MM, got '" + key + "'");
          continue;
        }
        int y = 0;
        unsigned mo = 0;
        unsigned day = 0;
        kernel::ymd_of(d, y, mo, day);
        if (auto v = detail::read_double(ctx, item, 0, kMaxPerDay * 31)) curve.monthly.push_back({y, mo, *v});
      }
    }
    if (m.has("weekday_profile")) {
      const Field wp = m.at("weekday_profile");
      if (detail::expect_sequence(ctx, wp)) {
        if (wp.node.size() != 7) {
          ctx.error(wp.node, wp.path, "expected 7 weights, Monday to Sunday; got " + std::to_string(wp.node.size()));
        } else {
          for (std::size_t i = 0; i < 7; ++i)
            if (auto w = detail::read_double(ctx, wp.item(i), 0, 100)) curve.weekday_profile[i] = *w;
        }
      }
    }
  } else if (m.has("daily_csv")) {
    curve.kind = model::CurveKind::DailySeries;
    const Field csv = m.at("daily_csv");
    if (auto path = detail::read_string(ctx, csv)) {
      std::filesystem::path p{*path};
      if (p.is_relative()) p = base_dir / p;
      curve.series_path = *path;
      Diagnostics csv_diags;
      curve.series = read_cases_csv(p, csv_diags);
      for (Diagnostic& d : csv_diags) {
        if (d.line == 0) {  // cannot open: point at the key that names the file
          ctx.error(csv.node, csv.path, "cannot read the case series '" + p.string() + "'");
        } else {
          ctx.diags.push_back(std::move(d));
        }
      }
    }
  } else if (m.has("piecewise")) {
    curve.kind = model::CurveKind::Piecewise;
    const Field pw = m.at("piecewise");
    if (detail::expect_sequence(ctx, pw)) {
      for (std::size_t i = 0; i < pw.node.size(); ++i) {
        MapReader s{ctx, pw.item(i)};
        if (!s.is_map()) continue;
        model::CurveStep step;
        required_key(s, "from", step.from, [&](const Field& x) { return detail::read_date(ctx, x); });
        required_key(s, "per_day", step.per_day, [&](const Field& x) { return detail::read_double(ctx, x, 0, kMaxPerDay); });
        curve.steps.push_back(step);
      }
    }
  } else {
    curve.kind = model::CurveKind::Waves;
    MapReader w{ctx, m.at("waves")};
    if (!w.is_map()) return;
    optional_key(w, "baseline", curve.baseline_per_day, [&](const Field& x) { return detail::read_double(ctx, x, 0, kMaxPerDay); });
    if (!w.has("peaks")) {
      w.missing("peaks");
      return;
    }
    const Field peaks = w.at("peaks");
    if (!detail::expect_sequence(ctx, peaks)) return;
    for (std::size_t i = 0; i < peaks.node.size(); ++i) {
      MapReader p{ctx, peaks.item(i)};
      if (!p.is_map()) continue;
      model::Wave wave;
      required_key(p, "date", wave.peak, [&](const Field& x) { return detail::read_date(ctx, x); });
      required_key(p, "per_day", wave.peak_per_day, [&](const Field& x) { return detail::read_double(ctx, x, 0, kMaxPerDay); });
      Duration width{0};
      if (required_key(p, "width", width, [&](const Field& x) {
            return detail::read_duration(ctx, x, kernel::kDay, kMaxDuration);
          }))
        wave.width_days = static_cast<double>(width.count()) / static_cast<double>(kernel::kDay.count());
      curve.waves.push_back(wave);
    }
  }
}

void read_demand(ReadContext& ctx, const Field& f, model::PlatformConfig& pc,
                 const std::filesystem::path& base_dir) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  if (!m.has("index_cases")) {
    m.missing("index_cases");
  } else {
    MapReader ic{ctx, m.at("index_cases")};
    auto& cfg = pc.index_cases;
    if (ic.is_map()) {
      if (ic.has("curve")) {
        read_curve(ctx, ic.at("curve"), cfg.curve, base_dir);
      } else {
        ic.missing("curve");
      }
      auto share = [&](const Field& x) { return detail::read_double(ctx, x, 0, 1); };
      optional_key(ic, "share_handled", cfg.share_handled, share);
      optional_key(ic, "inbound_first_share", cfg.inbound_first_share, share);
      optional_key(ic, "prelisted_contact_share", cfg.prelisted_contact_share, share);
      optional_key(ic, "release_spread_within_hour", cfg.release_spread_within_hour,
                   [&](const Field& x) { return detail::read_bool(ctx, x); });
      if (ic.has("release_profile")) read_hourly(ctx, ic.at("release_profile"), cfg.release_profile, 1e6);
      optional_key(ic, "delay_to_platform", cfg.delay_to_platform,
                   [&](const Field& x) { return detail::read_duration_dist(ctx, x); });
      if (ic.has("segments")) {
        const Field sf = ic.at("segments");
        MapReader seg{ctx, sf};
        if (seg.is_map()) {
          cfg.segments.clear();
          for (const auto& kv : sf.node) {
            const std::string name = kv.first.Scalar();
            if (auto v = share(sf.named(name))) cfg.segments.push_back({name, *v});
          }
          if (cfg.segments.empty()) ctx.error(sf.node, sf.path, "expected at least one segment");
          if (cfg.segments.size() > 200) ctx.error(sf.node, sf.path, "expected at most 200 segments");
        }
      }
    }
  }
  optional_key(m, "contacts_per_case", pc.contacts_per_case,
               [&](const Field& x) { return detail::read_count_dist(ctx, x); });
}

void read_task(ReadContext& ctx, const Field& f, model::TaskConfig& t) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  auto dist = [&](const Field& x) { return detail::read_duration_dist(ctx, x); };
  optional_key(m, "deadline", t.deadline, [&](const Field& x) { return detail::read_duration(ctx, x, kernel::kMinute, kMaxDuration); });
  optional_key(m, "talk", t.talk, dist);
  optional_key(m, "wrap_up", t.wrap_up, dist);
  optional_key(m, "sms_at_deadline", t.sms_at_deadline, [&](const Field& x) { return detail::read_bool(ctx, x); });
  if (m.has("retry")) {
    MapReader r{ctx, m.at("retry")};
    if (!r.is_map()) return;
    optional_key(r, "max_attempts", t.retry.max_attempts, [&](const Field& x) { return detail::read_int(ctx, x, 1, 100); });
    optional_key(r, "min_spacing", t.retry.min_spacing, [&](const Field& x) { return detail::read_duration(ctx, x, Duration{0}, kMaxDuration); });
    optional_key(r, "only_while_open", t.retry.only_while_open, [&](const Field& x) { return detail::read_bool(ctx, x); });
    if (r.has("on_exhausted")) {
      if (auto c = detail::read_choice(ctx, r.at("on_exhausted"),
                                       {{"give_up", "counted as not reached"}, {"sms", "send an SMS instead"}}))
        t.retry.on_exhausted = *c == "sms" ? model::OnExhausted::Sms : model::OnExhausted::GiveUp;
    }
  }
}

void read_attempt(ReadContext& ctx, const Field& f, model::AttemptConfig& a) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  auto dist = [&](const Field& x) { return detail::read_duration_dist(ctx, x); };
  optional_key(m, "ring", a.ring, dist);
  optional_key(m, "no_answer_handling", a.no_answer_handling, dist);
  if (m.has("answer_probability")) {
    const Field ap = m.at("answer_probability");
    if (ap.node.IsScalar()) {
      if (auto p = detail::read_double(ctx, ap, 0, 1)) a.answer_probability = {*p};
    } else if (detail::expect_sequence(ctx, ap)) {
      a.answer_probability.clear();
      for (std::size_t i = 0; i < ap.node.size(); ++i)
        if (auto p = detail::read_double(ctx, ap.item(i), 0, 1)) a.answer_probability.push_back(*p);
      if (ap.node.size() == 0) ctx.error(ap.node, ap.path, "expected at least one probability");
    }
  }
  if (m.has("answer_hour_factor")) read_hourly(ctx, m.at("answer_hour_factor"), a.answer_hour_factor, 100);
}

void read_sms(ReadContext& ctx, const Field& f, model::SmsConfig& s) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  if (m.has("policy")) {
    const Field pf = m.at("policy");
    if (detail::expect_sequence(ctx, pf)) {
      for (std::size_t i = 0; i < pf.node.size(); ++i) {
        MapReader r{ctx, pf.item(i)};
        if (!r.is_map()) continue;
        model::SmsPolicyStep step;
        auto share = [&](const Field& x) { return detail::read_double(ctx, x, 0, 1); };
        required_key(r, "from", step.from, [&](const Field& x) { return detail::read_date(ctx, x); });
        optional_key(r, "segment", step.segment, [&](const Field& x) { return detail::read_string(ctx, x); });
        optional_key(r, "index_interview", step.share[0], share);
        optional_key(r, "contact_call", step.share[1], share);
        s.policy.push_back(step);
      }
    }
  }
  if (m.has("gateway")) {
    MapReader g{ctx, m.at("gateway")};
    if (g.is_map()) {
      optional_key(g, "per_hour", s.gateway_per_hour, [&](const Field& x) { return detail::read_double(ctx, x, 1, 1e9); });
      optional_key(g, "delivery_delay", s.delivery_delay, [&](const Field& x) { return detail::read_duration(ctx, x, Duration{0}, kMaxDuration); });
    }
  }
  optional_key(m, "index_declares_contacts_share", s.index_declares_contacts_share,
               [&](const Field& x) { return detail::read_double(ctx, x, 0, 1); });
}

std::optional<std::array<bool, 7>> read_days(ReadContext& ctx, const Field& f) {
  static const char* const kShort[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::array<bool, 7> days{};
  if (f.node.IsScalar() && f.node.Scalar() == "all") return std::array<bool, 7>{true, true, true, true, true, true, true};
  if (f.node.IsScalar() && f.node.Scalar() == "weekdays") return std::array<bool, 7>{true, true, true, true, true, false, false};
  if (f.node.IsScalar() && f.node.Scalar() == "weekend") return std::array<bool, 7>{false, false, false, false, false, true, true};
  if (f.node.IsScalar()) {
    ctx.error(f.node, f.path, "expected all, weekdays, weekend or a list such as [mon, tue], got '" + f.node.Scalar() + "'");
    return std::nullopt;
  }
  if (!detail::expect_sequence(ctx, f)) return std::nullopt;
  for (std::size_t i = 0; i < f.node.size(); ++i) {
    const Field item = f.item(i);
    const std::string s = item.node.IsScalar() ? item.node.Scalar() : "";
    const auto* it = std::find_if(std::begin(kShort), std::end(kShort), [&](const char* d) { return s == d; });
    if (it == std::end(kShort)) {
      ctx.error(item.node, item.path, "expected a day mon, tue, wed, thu, fri, sat or sun, got '" + s + "'");
      return std::nullopt;
    }
    days[static_cast<std::size_t>(it - std::begin(kShort))] = true;
  }
  return days;
}

void read_pool(ReadContext& ctx, const Field& f, model::PoolConfig& pool) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  if (m.has("skills")) {
    const Field sk = m.at("skills");
    if (detail::expect_sequence(ctx, sk)) {
      pool.skills = {false, false};
      pool.inbound_skill = false;
      for (std::size_t i = 0; i < sk.node.size(); ++i) {
        if (auto c = detail::read_choice(ctx, sk.item(i), {{"index_interview", "calls to index cases"},
                                                            {"contact_call", "calls to contacts"},
                                                            {"inbound", "answers the inbound line"}})) {
          if (*c == "inbound") {
            pool.inbound_skill = true;
          } else {
            pool.skills[*c == "index_interview" ? 0 : 1] = true;
          }
        }
      }
    }
  }
  optional_key(m, "efficiency", pool.efficiency, [&](const Field& x) { return detail::read_double(ctx, x, 0.05, 20); });
  optional_key(m, "contracted_hours_per_week", pool.contracted_hours_per_week, [&](const Field& x) { return detail::read_double(ctx, x, 1, 80); });
  optional_key(m, "shrinkage", pool.shrinkage, [&](const Field& x) { return detail::read_double(ctx, x, 0, 0.95); });
  optional_key(m, "no_new_attempt_before_end", pool.no_new_attempt_before_end,
               [&](const Field& x) { return detail::read_duration(ctx, x, Duration{0}, 12 * kernel::kHour); });
  if (!m.has("shifts")) {
    m.missing("shifts");
  } else {
    const Field sf = m.at("shifts");
    if (detail::expect_sequence(ctx, sf)) {
      if (sf.node.size() == 0) ctx.error(sf.node, sf.path, "expected at least one shift");
      for (std::size_t i = 0; i < sf.node.size(); ++i) {
        MapReader s{ctx, sf.item(i)};
        if (!s.is_map()) continue;
        model::ShiftConfig shift;
        shift.name = "shift" + std::to_string(i + 1);
        auto clock = [&](const Field& x) { return detail::read_clock(ctx, x); };
        optional_key(s, "name", shift.name, [&](const Field& x) { return detail::read_string(ctx, x); });
        required_key(s, "start", shift.start, clock);
        required_key(s, "end", shift.end, clock);
        optional_key(s, "break", shift.break_length, [&](const Field& x) { return detail::read_duration(ctx, x, Duration{0}, 12 * kernel::kHour); });
        optional_key(s, "break_start", shift.break_start, clock);
        if (s.has("days")) {
          if (auto d = read_days(ctx, s.at("days"))) shift.weekdays = *d;
        }
        pool.shifts.push_back(shift);
      }
    }
  }
  if (m.has("blend")) {
    MapReader b{ctx, m.at("blend")};
    if (b.is_map()) {
      if (b.has("mode")) {
        if (auto c = detail::read_choice(ctx, b.at("mode"),
                                         {{"inbound_first", "a free agent takes a waiting caller first"},
                                          {"outbound_first", "a free agent takes outbound work first"},
                                          {"reserve", "inbound first, and keep reserve_agents idle for it"},
                                          {"pause_outbound", "outbound first, but no outbound while more than pause_queue_above wait"}}))
          pool.blend.mode = *c == "inbound_first"    ? model::BlendMode::InboundFirst
                            : *c == "outbound_first" ? model::BlendMode::OutboundFirst
                            : *c == "reserve"        ? model::BlendMode::Reserve
                                                     : model::BlendMode::PauseOutbound;
      }
      optional_key(b, "reserve_agents", pool.blend.reserve_agents, [&](const Field& x) { return detail::read_int(ctx, x, 0, kMaxAgentsPerShift); });
      optional_key(b, "pause_queue_above", pool.blend.pause_queue_above, [&](const Field& x) { return detail::read_int(ctx, x, 0, 1000000); });
    }
  }
  if (m.has("reinforcement")) {
    MapReader r{ctx, m.at("reinforcement")};
    if (r.is_map()) {
      auto& rc = pool.reinforcement;
      rc.enabled = true;
      rc.backlog_above = INT32_MAX;
      optional_key(r, "backlog_above", rc.backlog_above, [&](const Field& x) { return detail::read_int(ctx, x, 0, INT32_MAX); });
      optional_key(r, "at_risk_share_above", rc.at_risk_share_above, [&](const Field& x) { return detail::read_double(ctx, x, 0, 1); });
      optional_key(r, "activation_delay", rc.activation_delay, [&](const Field& x) { return detail::read_duration(ctx, x, Duration{0}, kMaxDuration); });
      optional_key(r, "release_backlog_below", rc.release_backlog_below, [&](const Field& x) { return detail::read_int(ctx, x, 0, INT32_MAX); });
      if (!r.has("backlog_above") && !r.has("at_risk_share_above"))
        ctx.error(m.at("reinforcement").node, m.at("reinforcement").path,
                  "expected a trigger: backlog_above, at_risk_share_above or both");
    }
  }
  const bool fte = m.has("fte");
  const bool roster = m.has("roster");
  if (fte == roster) {
    ctx.error(f.node, f.path, "expected exactly one of fte (a list of {from, fte}) or roster (a list of {from, agents})");
    return;
  }
  pool.size_mode = fte ? model::SizeMode::Fte : model::SizeMode::Roster;
  const Field steps = m.at(fte ? "fte" : "roster");
  if (!detail::expect_sequence(ctx, steps)) return;
  if (steps.node.size() == 0) ctx.error(steps.node, steps.path, "expected at least one step");
  for (std::size_t i = 0; i < steps.node.size(); ++i) {
    MapReader s{ctx, steps.item(i)};
    if (!s.is_map()) continue;
    model::StaffingStep step;
    required_key(s, "from", step.from, [&](const Field& x) { return detail::read_date(ctx, x); });
    if (fte) {
      required_key(s, "fte", step.fte, [&](const Field& x) { return detail::read_double(ctx, x, 0, kMaxFte); });
    } else if (!s.has("agents")) {
      s.missing("agents");
    } else {
      const Field ag = s.at("agents");
      if (detail::expect_sequence(ctx, ag)) {
        for (std::size_t k = 0; k < ag.node.size(); ++k)
          if (auto n = detail::read_int(ctx, ag.item(k), 0, kMaxAgentsPerShift)) step.agents_per_shift.push_back(static_cast<int>(*n));
        if (ag.node.size() != pool.shifts.size())
          ctx.error(ag.node, ag.path, "expected one count per shift (" + std::to_string(pool.shifts.size()) +
                                          "), got " + std::to_string(ag.node.size()));
      }
    }
    pool.steps.push_back(step);
  }
}

void read_staffing(ReadContext& ctx, const Field& f, model::PlatformConfig& pc) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  if (m.has("discipline")) {
    MapReader d{ctx, m.at("discipline")};
    if (d.is_map()) {
      if (d.has("order")) {
        if (auto c = detail::read_choice(ctx, d.at("order"), {{"fifo", "oldest first"},
                                                               {"lifo", "newest first"},
                                                               {"earliest_deadline_first", "nearest deadline first"}}))
          pc.discipline.order = *c == "fifo" ? model::Discipline::Fifo
                                : *c == "lifo" ? model::Discipline::Lifo
                                               : model::Discipline::EarliestDeadlineFirst;
      }
      if (d.has("priority_segments")) {
        const Field ps = d.at("priority_segments");
        if (detail::expect_sequence(ctx, ps))
          for (std::size_t i = 0; i < ps.node.size(); ++i)
            if (auto s = detail::read_string(ctx, ps.item(i))) pc.discipline.priority_segments.push_back(*s);
      }
      optional_key(d, "index_before_contacts", pc.discipline.index_before_contacts,
                   [&](const Field& x) { return detail::read_bool(ctx, x); });
    }
  }
  if (!m.has("pools")) {
    m.missing("pools");
    return;
  }
  const Field pf = m.at("pools");
  MapReader pools{ctx, pf};
  if (!pools.is_map()) return;
  for (const auto& kv : pf.node) {
    model::PoolConfig pool;
    pool.name = kv.first.Scalar();
    read_pool(ctx, pf.named(pool.name), pool);
    pc.pools.push_back(std::move(pool));
  }
  if (pc.pools.empty()) ctx.error(pf.node, pf.path, "expected at least one pool");
}

void read_inbound(ReadContext& ctx, const Field& f, model::InboundConfig& in) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  auto dist = [&](const Field& x) { return detail::read_duration_dist(ctx, x); };
  auto share = [&](const Field& x) { return detail::read_double(ctx, x, 0, 1); };
  optional_key(m, "per_day", in.per_day, [&](const Field& x) { return detail::read_double(ctx, x, 0, kMaxPerDay); });
  if (m.has("hourly_profile")) read_hourly(ctx, m.at("hourly_profile"), in.hourly_profile, 1e6);
  if (m.has("patience")) {
    const Field pf = m.at("patience");
    if (pf.node.IsScalar() && pf.node.Scalar() == "unlimited") {
      in.patience_limited = false;
    } else if (auto d = dist(pf)) {
      in.patience = *d;
    }
  }
  optional_key(m, "talk", in.talk, dist);
  optional_key(m, "wrap_up", in.wrap_up, dist);
  if (m.has("retrial")) {
    MapReader r{ctx, m.at("retrial")};
    if (r.is_map()) {
      optional_key(r, "share", in.retrial_share, share);
      optional_key(r, "delay", in.retrial_delay, dist);
      optional_key(r, "max", in.max_retrials, [&](const Field& x) { return detail::read_int(ctx, x, 0, 100); });
    }
  }
  if (m.has("call_back")) {
    MapReader c{ctx, m.at("call_back")};
    if (c.is_map()) {
      optional_key(c, "sms_share", in.sms_call_back_share, share);
      optional_key(c, "missed_call_share", in.missed_call_back_share, share);
      optional_key(c, "delay", in.call_back_delay, dist);
    }
  }
  if (m.has("when_closed")) {
    if (auto c = detail::read_choice(ctx, m.at("when_closed"), {{"message", "refused with a closed message (counted)"},
                                                                 {"wait", "queued until opening"}}))
      in.when_closed = *c == "wait" ? model::WhenClosed::Wait : model::WhenClosed::Message;
  }
  optional_key(m, "service_level_threshold", in.service_level_threshold,
               [&](const Field& x) { return detail::read_duration(ctx, x, Duration{0}, 24 * kernel::kHour); });
}

void read_run(ReadContext& ctx, const Field& f, RunSettings& run) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  optional_key(m, "replications", run.replications, [&](const Field& x) { return detail::read_int(ctx, x, 1, 100000); });
  optional_key(m, "seed", run.seed, [&](const Field& x) { return detail::read_int(ctx, x, 0, LLONG_MAX); });
  optional_key(m, "event_budget", run.event_budget, [&](const Field& x) { return detail::read_int(ctx, x, 1000, LLONG_MAX); });
}

// The sweep section: each key of `vary` is a scenario key (checked when the
// sweep runs, through the same overrides as --set); values are "FROM:TO:STEP"
// or a list of values.
void read_sweep(ReadContext& ctx, const Field& f, SweepSection& sw) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  optional_key(m, "replications", sw.replications, [&](const Field& x) { return detail::read_int(ctx, x, 1, 100000); });
  if (!m.has("vary")) {
    m.missing("vary");
    return;
  }
  const Field vf = m.at("vary");
  MapReader v{ctx, vf};
  if (!v.is_map()) return;
  for (const auto& kv : vf.node) {
    const std::string key = kv.first.Scalar();
    const Field item = vf.named(key);
    if (item.node.IsScalar()) {
      sw.vary.push_back({key, item.node.Scalar()});
    } else if (item.node.IsSequence() && item.node.size() > 0) {
      std::string spec;
      bool ok = true;
      for (std::size_t i = 0; i < item.node.size(); ++i) {
        const Field e = item.item(i);
        if (!e.node.IsScalar() || e.node.Scalar().find(',') != std::string::npos) {
          ctx.error(e.node, e.path, "expected a plain value without commas");
          ok = false;
          break;
        }
        spec += (i ? "," : "") + e.node.Scalar();
      }
      if (ok) sw.vary.push_back({key, spec});
    } else {
      ctx.error(item.node, item.path, "expected FROM:TO:STEP or a non-empty list of values");
    }
  }
}

// A bound is a number or a duration with units; both bounds of a parameter must agree.
std::optional<std::pair<double, bool>> read_bound(ReadContext& ctx, const Field& f) {
  if (f.node.IsScalar()) {
    if (const auto d = parse_duration(f.node.Scalar()))
      return std::pair{static_cast<double>(d->count()), true};
  }
  if (const auto v = detail::read_double(ctx, f, -1e12, 1e12)) return std::pair{*v, false};
  return std::nullopt;
}

void read_calibration(ReadContext& ctx, const Field& f, CalibrationSection& cal) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  optional_key(m, "replications", cal.replications, [&](const Field& x) { return detail::read_int(ctx, x, 2, 10000); });
  optional_key(m, "max_evaluations", cal.max_evaluations, [&](const Field& x) { return detail::read_int(ctx, x, 1, 100000); });
  if (m.has("parameters")) {
    const Field pf = m.at("parameters");
    if (detail::expect_sequence(ctx, pf)) {
      for (std::size_t i = 0; i < pf.node.size(); ++i) {
        MapReader p{ctx, pf.item(i)};
        if (!p.is_map()) continue;
        CalibrationParameter par;
        required_key(p, "key", par.key, [&](const Field& x) { return detail::read_string(ctx, x); });
        std::optional<std::pair<double, bool>> lo;
        std::optional<std::pair<double, bool>> hi;
        if (p.has("min")) lo = read_bound(ctx, p.at("min")); else p.missing("min");
        if (p.has("max")) hi = read_bound(ctx, p.at("max")); else p.missing("max");
        if (lo && hi) {
          par.min = lo->first;
          par.max = hi->first;
          par.is_duration = lo->second;
          if (lo->second != hi->second)
            ctx.error(p.at("max").node, p.at("max").path, "min and max must both be durations or both numbers");
          else if (!(par.min < par.max))
            ctx.error(p.at("max").node, p.at("max").path, "must be greater than min");
        }
        cal.parameters.push_back(par);
      }
    }
  } else {
    m.missing("parameters");
  }
  if (m.has("targets")) {
    const Field tf = m.at("targets");
    if (detail::expect_sequence(ctx, tf)) {
      for (std::size_t i = 0; i < tf.node.size(); ++i) {
        MapReader t{ctx, tf.item(i)};
        if (!t.is_map()) continue;
        CalibrationTarget tg;
        required_key(t, "kpi", tg.kpi, [&](const Field& x) { return detail::read_string(ctx, x); });
        tg.name = tg.kpi;
        optional_key(t, "name", tg.name, [&](const Field& x) { return detail::read_string(ctx, x); });
        required_key(t, "value", tg.value, [&](const Field& x) { return detail::read_double(ctx, x, -1e15, 1e15); });
        optional_key(t, "tolerance", tg.tolerance, [&](const Field& x) { return detail::read_double(ctx, x, 1e-9, 1e15); });
        optional_key(t, "relative", tg.relative, [&](const Field& x) { return detail::read_bool(ctx, x); });
        optional_key(t, "source", tg.source, [&](const Field& x) { return detail::read_string(ctx, x); });
        if (t.has("from")) tg.from = detail::read_date(ctx, t.at("from"));
        if (t.has("to")) tg.to = detail::read_date(ctx, t.at("to"));
        if (t.has("role")) {
          if (auto c = detail::read_choice(ctx, t.at("role"), {{"fit", "the search fits it"},
                                                                {"holdout", "reported, never fitted"}}))
            tg.fit = *c == "fit";
        }
        if (tg.relative && tg.value == 0)
          ctx.error(t.field().node, t.field().path, "a relative tolerance needs a non-zero value");
        cal.targets.push_back(tg);
      }
    }
  } else {
    m.missing("targets");
  }
}

Scenario read_document(const YAML::Node& root, ReadContext& ctx, const std::filesystem::path& base_dir) {
  Scenario sc;
  MapReader top{ctx, Field{root, "", ""}};
  if (!top.is_map()) throw ScenarioError(ctx.diags);
  if (!top.has("schema_version")) {
    top.missing("schema_version");
  } else if (auto v = detail::read_int(ctx, top.at("schema_version"), 1, 1000)) {
    sc.schema_version = static_cast<int>(*v);
    if (*v != kSchemaVersion) {
      ctx.error(top.at("schema_version").node, "schema_version",
                "this build of tracesim reads schema version " + std::to_string(kSchemaVersion) +
                    "; got " + std::to_string(*v));
      throw ScenarioError(ctx.diags);  // the rest would be read against the wrong schema
    }
  }
  required_key(top, "name", sc.name, [&](const Field& x) { return detail::read_string(ctx, x); });
  optional_key(top, "description", sc.description, [&](const Field& x) { return detail::read_string(ctx, x); });
  if (top.has("calendar")) read_calendar(ctx, top.at("calendar"), sc.platform.calendar); else top.missing("calendar");
  if (top.has("demand")) read_demand(ctx, top.at("demand"), sc.platform, base_dir); else top.missing("demand");
  if (top.has("tasks")) {
    MapReader t{ctx, top.at("tasks")};
    if (t.is_map()) {
      if (t.has("index_interview")) read_task(ctx, t.at("index_interview"), sc.platform.tasks[0]);
      if (t.has("contact_call")) read_task(ctx, t.at("contact_call"), sc.platform.tasks[1]);
    }
  }
  if (top.has("attempt")) read_attempt(ctx, top.at("attempt"), sc.platform.attempt);
  if (top.has("sms")) read_sms(ctx, top.at("sms"), sc.platform.sms);
  if (top.has("inbound")) read_inbound(ctx, top.at("inbound"), sc.platform.inbound);
  if (top.has("staffing")) read_staffing(ctx, top.at("staffing"), sc.platform); else top.missing("staffing");
  if (top.has("run")) read_run(ctx, top.at("run"), sc.run);
  if (top.has("sweep")) read_sweep(ctx, top.at("sweep"), sc.sweep);
  if (top.has("calibration")) read_calibration(ctx, top.at("calibration"), sc.calibration);
  return sc;
}

Scenario load_node(YAML::Node root, const std::string& name, const std::vector<Override>& overrides,
                   const std::filesystem::path& base_dir) {
  ReadContext ctx{name, {}, overrides, {}};
  for (const Override& o : overrides) detail::apply_override(root, o);
  Scenario sc = read_document(root, ctx, base_dir);
  if (!ctx.diags.empty()) {
    sort_by_position(ctx.diags);
    throw ScenarioError(std::move(ctx.diags));  // no cross-field cascades on top of parse errors
  }
  Diagnostics semantic = validate(sc);
  for (Diagnostic& d : semantic) {
    if (d.file.empty()) d.file = name;
    ctx.locate(d);
  }
  if (!semantic.empty()) throw ScenarioError(std::move(semantic));
  return sc;
}

YAML::Node parse_yaml(const std::string& text, const std::string& name) {
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw ScenarioError({Diagnostic{name, e.mark.line + 1, e.mark.column + 1, "", "malformed YAML: " + e.msg}});
  }
}

}  // namespace

Override parse_override(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError("--set expects KEY=VALUE (for example calendar.end=2021-06-30), got '" + text + "'");
  return Override{text.substr(0, eq), text.substr(eq + 1)};
}

struct Document::Parsed {
  std::string text;
  std::string name;
  std::filesystem::path base_dir;
};

Document::Document(std::shared_ptr<const Parsed> parsed) : parsed_(std::move(parsed)) {}

Document Document::from_text(const std::string& text, const std::string& name,
                             const std::filesystem::path& base_dir) {
  (void)parse_yaml(text, name);  // malformed YAML is reported now, once
  return Document{std::make_shared<const Parsed>(Parsed{text, name, base_dir})};
}

Document Document::from_file(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw InputError("cannot read scenario '" + file.string() + "': no such file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError("cannot read scenario '" + file.string() + "': permission denied or unreadable");
  std::ostringstream text;
  text << in.rdbuf();
  return from_text(text.str(), file.string(), file.parent_path());
}

Scenario Document::resolve(const std::vector<Override>& variations) const {
  // The overrides need a tree of their own, and yaml-cpp's Clone drops the
  // line and column of every node; so each resolve parses the text kept in
  // memory (well under a millisecond), and the file is read only once.
  return load_node(parse_yaml(parsed_->text, parsed_->name), parsed_->name, variations, parsed_->base_dir);
}

const std::string& Document::name() const { return parsed_->name; }

Scenario load_scenario_text(const std::string& text, const std::string& name,
                            const std::vector<Override>& overrides, const std::filesystem::path& base_dir) {
  return Document::from_text(text, name, base_dir).resolve(overrides);
}

Scenario load_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides) {
  return Document::from_file(file).resolve(overrides);
}

std::set<std::string> known_key_paths() { return detail::schema_paths(); }

}  // namespace tracesim::scenario
