// SPDX-License-Identifier: Apache-2.0
#include <yaml-cpp/yaml.h>

#include <cmath>

#include "tracesim/scenario/scenario.hpp"
#include "tracesim/scenario/units.hpp"

// Writes the scenario back with every default filled in, in the format the
// reader accepts: the provenance record of a run (rule C3).
namespace tracesim::scenario {
namespace {

void emit(YAML::Emitter& out, const model::DurationDist& d) {
  if (d.law == model::DurationLaw::Deterministic) {
    out << format_duration(d.mean);
    return;
  }
  out << YAML::Flow << YAML::BeginMap << YAML::Key << "dist" << YAML::Value << std::string{model::name_of(d.law)};
  if (d.law == model::DurationLaw::Empirical) {
    out << YAML::Key << "values" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (auto v : d.values) out << format_duration(v);
    out << YAML::EndSeq << YAML::Key << "weights" << YAML::Value << YAML::Flow << d.weights;
  } else {
    out << YAML::Key << "mean" << YAML::Value << format_duration(d.mean);
    if (d.law != model::DurationLaw::Exponential) out << YAML::Key << "cv" << YAML::Value << d.cv;
  }
  out << YAML::EndMap;
}

void emit_hourly(YAML::Emitter& out, const std::array<double, 24>& w) {
  out << YAML::BeginMap;
  for (std::size_t h = 0; h < 24; ++h)
    out << YAML::Key << format_clock(kernel::kHour * static_cast<std::int64_t>(h)) << YAML::Value << w[h];
  out << YAML::EndMap;
}

void emit_task(YAML::Emitter& out, const model::TaskConfig& t) {
  out << YAML::BeginMap;
  out << YAML::Key << "deadline" << YAML::Value << format_duration(t.deadline);
  out << YAML::Key << "talk" << YAML::Value;
  emit(out, t.talk);
  out << YAML::Key << "wrap_up" << YAML::Value;
  emit(out, t.wrap_up);
  out << YAML::Key << "retry" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "max_attempts" << YAML::Value << t.retry.max_attempts;
  out << YAML::Key << "min_spacing" << YAML::Value << format_duration(t.retry.min_spacing);
  out << YAML::Key << "only_while_open" << YAML::Value << YAML::TrueFalseBool << t.retry.only_while_open;
  out << YAML::Key << "on_exhausted" << YAML::Value
      << (t.retry.on_exhausted == model::OnExhausted::Sms ? "sms" : "give_up");
  out << YAML::EndMap;
  out << YAML::Key << "sms_at_deadline" << YAML::Value << YAML::TrueFalseBool << t.sms_at_deadline;
  out << YAML::EndMap;
}

}  // namespace

std::string to_yaml(const Scenario& sc) {
  static const char* const kDays[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  static const char* const kShort[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  const model::PlatformConfig& pc = sc.platform;
  YAML::Emitter out;
  out.SetDoublePrecision(17);
  out << YAML::BeginMap;
  out << YAML::Key << "schema_version" << YAML::Value << sc.schema_version;
  out << YAML::Key << "name" << YAML::Value << sc.name;
  out << YAML::Key << "description" << YAML::Value << sc.description;

  out << YAML::Key << "calendar" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "start" << YAML::Value << kernel::iso_date(pc.calendar.start);
  out << YAML::Key << "end" << YAML::Value << kernel::iso_date(pc.calendar.end);
  out << YAML::Key << "opening" << YAML::Value << YAML::BeginMap;
  for (std::size_t d = 0; d < 7; ++d) {
    const auto& h = pc.calendar.weekly[d];
    out << YAML::Key << kDays[d] << YAML::Value;
    if (!h.open) {
      out << "closed";
    } else {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "open" << YAML::Value << format_clock(h.opens_at)
          << YAML::Key << "close" << YAML::Value << format_clock(h.closes_at) << YAML::EndMap;
    }
  }
  out << YAML::EndMap;
  out << YAML::Key << "closed_dates" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (auto d : pc.calendar.closed_dates) out << kernel::iso_date(d);
  out << YAML::EndSeq << YAML::EndMap;

  const auto& ic = pc.index_cases;
  out << YAML::Key << "demand" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "index_cases" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "curve" << YAML::Value << YAML::BeginMap;
  switch (ic.curve.kind) {
    case model::CurveKind::Constant:
      out << YAML::Key << "constant" << YAML::Value << ic.curve.per_day;
      break;
    case model::CurveKind::MonthlyTotals:
      out << YAML::Key << "monthly_totals" << YAML::Value << YAML::BeginMap;
      for (const auto& mt : ic.curve.monthly)
        out << YAML::Key << kernel::iso_date(kernel::date_from_ymd(mt.year, mt.month, 1)).substr(0, 7)
            << YAML::Value << mt.positives;
      out << YAML::EndMap;
      out << YAML::Key << "weekday_profile" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (double w : ic.curve.weekday_profile) out << w;
      out << YAML::EndSeq;
      break;
    case model::CurveKind::DailySeries:
      out << YAML::Key << "daily_csv" << YAML::Value << ic.curve.series_path;
      break;
    case model::CurveKind::Piecewise:
      out << YAML::Key << "piecewise" << YAML::Value << YAML::BeginSeq;
      for (const auto& s : ic.curve.steps)
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value << kernel::iso_date(s.from)
            << YAML::Key << "per_day" << YAML::Value << s.per_day << YAML::EndMap;
      out << YAML::EndSeq;
      break;
    case model::CurveKind::Waves:
      out << YAML::Key << "waves" << YAML::Value << YAML::BeginMap;
      out << YAML::Key << "baseline" << YAML::Value << ic.curve.baseline_per_day;
      out << YAML::Key << "peaks" << YAML::Value << YAML::BeginSeq;
      for (const auto& w : ic.curve.waves)
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "date" << YAML::Value << kernel::iso_date(w.peak)
            << YAML::Key << "per_day" << YAML::Value << w.peak_per_day << YAML::Key << "width" << YAML::Value
            << format_duration(kernel::Duration{static_cast<std::int64_t>(w.width_days * 86'400'000.0)})
            << YAML::EndMap;
      out << YAML::EndSeq << YAML::EndMap;
      break;
  }
  out << YAML::EndMap;
  out << YAML::Key << "share_handled" << YAML::Value << ic.share_handled;
  out << YAML::Key << "release_profile" << YAML::Value;
  emit_hourly(out, ic.release_profile);
  out << YAML::Key << "release_spread_within_hour" << YAML::Value << YAML::TrueFalseBool << ic.release_spread_within_hour;
  out << YAML::Key << "delay_to_platform" << YAML::Value;
  emit(out, ic.delay_to_platform);
  out << YAML::Key << "inbound_first_share" << YAML::Value << ic.inbound_first_share;
  out << YAML::Key << "segments" << YAML::Value << YAML::BeginMap;
  for (const auto& s : ic.segments) out << YAML::Key << s.name << YAML::Value << s.share;
  out << YAML::EndMap;
  out << YAML::Key << "prelisted_contact_share" << YAML::Value << ic.prelisted_contact_share;
  out << YAML::EndMap;
  const auto& cd = pc.contacts_per_case;
  out << YAML::Key << "contacts_per_case" << YAML::Value << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "dist" << YAML::Value << std::string{model::name_of(cd.law)};
  if (cd.law == model::CountLaw::Fixed) out << YAML::Key << "value" << YAML::Value << static_cast<long long>(cd.mean);
  if (cd.law == model::CountLaw::Poisson || cd.law == model::CountLaw::NegativeBinomial)
    out << YAML::Key << "mean" << YAML::Value << cd.mean;
  if (cd.law == model::CountLaw::NegativeBinomial) out << YAML::Key << "dispersion" << YAML::Value << cd.dispersion;
  if (cd.law == model::CountLaw::Table) out << YAML::Key << "probabilities" << YAML::Value << YAML::Flow << cd.table;
  out << YAML::EndMap << YAML::EndMap;

  out << YAML::Key << "tasks" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "index_interview" << YAML::Value;
  emit_task(out, pc.tasks[0]);
  out << YAML::Key << "contact_call" << YAML::Value;
  emit_task(out, pc.tasks[1]);
  out << YAML::EndMap;

  out << YAML::Key << "attempt" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "ring" << YAML::Value;
  emit(out, pc.attempt.ring);
  out << YAML::Key << "no_answer_handling" << YAML::Value;
  emit(out, pc.attempt.no_answer_handling);
  out << YAML::Key << "answer_probability" << YAML::Value << YAML::Flow << pc.attempt.answer_probability;
  out << YAML::Key << "answer_hour_factor" << YAML::Value;
  emit_hourly(out, pc.attempt.answer_hour_factor);
  out << YAML::EndMap;

  out << YAML::Key << "sms" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "policy" << YAML::Value << YAML::BeginSeq;
  for (const auto& s : pc.sms.policy) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value << kernel::iso_date(s.from);
    if (!s.segment.empty()) out << YAML::Key << "segment" << YAML::Value << s.segment;
    out << YAML::Key << "index_interview" << YAML::Value << s.share[0] << YAML::Key << "contact_call"
        << YAML::Value << s.share[1] << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::Key << "gateway" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "per_hour"
      << YAML::Value << pc.sms.gateway_per_hour << YAML::Key << "delivery_delay" << YAML::Value
      << format_duration(pc.sms.delivery_delay) << YAML::EndMap;
  out << YAML::Key << "index_declares_contacts_share" << YAML::Value << pc.sms.index_declares_contacts_share;
  out << YAML::EndMap;

  const auto& in = pc.inbound;
  out << YAML::Key << "inbound" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "per_day" << YAML::Value << in.per_day;
  out << YAML::Key << "hourly_profile" << YAML::Value;
  emit_hourly(out, in.hourly_profile);
  out << YAML::Key << "patience" << YAML::Value;
  if (in.patience_limited) {
    emit(out, in.patience);
  } else {
    out << "unlimited";
  }
  out << YAML::Key << "talk" << YAML::Value;
  emit(out, in.talk);
  out << YAML::Key << "wrap_up" << YAML::Value;
  emit(out, in.wrap_up);
  out << YAML::Key << "retrial" << YAML::Value << YAML::BeginMap << YAML::Key << "share" << YAML::Value
      << in.retrial_share << YAML::Key << "delay" << YAML::Value;
  emit(out, in.retrial_delay);
  out << YAML::Key << "max" << YAML::Value << in.max_retrials << YAML::EndMap;
  out << YAML::Key << "call_back" << YAML::Value << YAML::BeginMap << YAML::Key << "sms_share" << YAML::Value
      << in.sms_call_back_share << YAML::Key << "missed_call_share" << YAML::Value << in.missed_call_back_share
      << YAML::Key << "delay" << YAML::Value;
  emit(out, in.call_back_delay);
  out << YAML::EndMap;
  out << YAML::Key << "when_closed" << YAML::Value << (in.when_closed == model::WhenClosed::Wait ? "wait" : "message");
  out << YAML::Key << "service_level_threshold" << YAML::Value << format_duration(in.service_level_threshold);
  out << YAML::EndMap;

  out << YAML::Key << "staffing" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "discipline" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "order" << YAML::Value
      << (pc.discipline.order == model::Discipline::Fifo   ? "fifo"
          : pc.discipline.order == model::Discipline::Lifo ? "lifo"
                                                           : "earliest_deadline_first");
  out << YAML::Key << "priority_segments" << YAML::Value << YAML::Flow << pc.discipline.priority_segments;
  out << YAML::Key << "index_before_contacts" << YAML::Value << YAML::TrueFalseBool
      << pc.discipline.index_before_contacts;
  out << YAML::EndMap;
  out << YAML::Key << "pools" << YAML::Value << YAML::BeginMap;
  for (const auto& pool : pc.pools) {
    out << YAML::Key << pool.name << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "skills" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    if (pool.skills[0]) out << "index_interview";
    if (pool.skills[1]) out << "contact_call";
    if (pool.inbound_skill) out << "inbound";
    out << YAML::EndSeq;
    out << YAML::Key << "efficiency" << YAML::Value << pool.efficiency;
    out << YAML::Key << (pool.size_mode == model::SizeMode::Fte ? "fte" : "roster") << YAML::Value << YAML::BeginSeq;
    for (const auto& st : pool.steps) {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value << kernel::iso_date(st.from);
      if (pool.size_mode == model::SizeMode::Fte) {
        out << YAML::Key << "fte" << YAML::Value << st.fte;
      } else {
        out << YAML::Key << "agents" << YAML::Value << YAML::Flow << st.agents_per_shift;
      }
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "contracted_hours_per_week" << YAML::Value << pool.contracted_hours_per_week;
    out << YAML::Key << "shrinkage" << YAML::Value << pool.shrinkage;
    out << YAML::Key << "shifts" << YAML::Value << YAML::BeginSeq;
    for (const auto& sh : pool.shifts) {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << sh.name << YAML::Key << "start"
          << YAML::Value << format_clock(sh.start) << YAML::Key << "end" << YAML::Value << format_clock(sh.end)
          << YAML::Key << "break" << YAML::Value << format_duration(sh.break_length);
      if (sh.break_start.count() >= 0) out << YAML::Key << "break_start" << YAML::Value << format_clock(sh.break_start);
      out << YAML::Key << "days" << YAML::Value << YAML::Flow << YAML::BeginSeq;
      for (std::size_t d = 0; d < 7; ++d)
        if (sh.weekdays[d]) out << kShort[d];
      out << YAML::EndSeq << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "no_new_attempt_before_end" << YAML::Value << format_duration(pool.no_new_attempt_before_end);
    out << YAML::Key << "blend" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "mode" << YAML::Value
        << (pool.blend.mode == model::BlendMode::InboundFirst    ? "inbound_first"
            : pool.blend.mode == model::BlendMode::OutboundFirst ? "outbound_first"
            : pool.blend.mode == model::BlendMode::Reserve       ? "reserve"
                                                                 : "pause_outbound")
        << YAML::Key << "reserve_agents" << YAML::Value << pool.blend.reserve_agents << YAML::Key
        << "pause_queue_above" << YAML::Value << pool.blend.pause_queue_above << YAML::EndMap;
    if (pool.reinforcement.enabled) {
      const auto& r = pool.reinforcement;
      out << YAML::Key << "reinforcement" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
          << "backlog_above" << YAML::Value << r.backlog_above << YAML::Key << "at_risk_share_above" << YAML::Value
          << r.at_risk_share_above << YAML::Key << "activation_delay" << YAML::Value
          << format_duration(r.activation_delay) << YAML::Key << "release_backlog_below" << YAML::Value
          << r.release_backlog_below << YAML::EndMap;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndMap << YAML::EndMap;

  out << YAML::Key << "run" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "replications" << YAML::Value << sc.run.replications;
  out << YAML::Key << "seed" << YAML::Value << sc.run.seed;
  out << YAML::Key << "event_budget" << YAML::Value << sc.run.event_budget;
  out << YAML::EndMap;
  if (!sc.calibration.parameters.empty() || !sc.calibration.targets.empty()) {
    const auto& cal = sc.calibration;
    auto bound = [](const CalibrationParameter& p, double v) {
      return p.is_duration ? format_duration(kernel::Duration{static_cast<std::int64_t>(std::llround(v))})
                           : YAML::Dump(YAML::Node(v));
    };
    out << YAML::Key << "calibration" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "parameters" << YAML::Value << YAML::BeginSeq;
    for (const auto& p : cal.parameters)
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "key" << YAML::Value << p.key << YAML::Key << "min"
          << YAML::Value << bound(p, p.min) << YAML::Key << "max" << YAML::Value << bound(p, p.max) << YAML::EndMap;
    out << YAML::EndSeq << YAML::Key << "targets" << YAML::Value << YAML::BeginSeq;
    for (const auto& t : cal.targets) {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << t.name << YAML::Key << "kpi"
          << YAML::Value << t.kpi;
      if (t.from) out << YAML::Key << "from" << YAML::Value << kernel::iso_date(*t.from);
      if (t.to) out << YAML::Key << "to" << YAML::Value << kernel::iso_date(*t.to);
      out << YAML::Key << "value" << YAML::Value << t.value << YAML::Key << "tolerance" << YAML::Value << t.tolerance
          << YAML::Key << "relative" << YAML::Value << YAML::TrueFalseBool << t.relative << YAML::Key << "role"
          << YAML::Value << (t.fit ? "fit" : "holdout");
      if (!t.source.empty()) out << YAML::Key << "source" << YAML::Value << t.source;
      out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::Key << "replications" << YAML::Value << cal.replications << YAML::Key
        << "max_evaluations" << YAML::Value << cal.max_evaluations << YAML::EndMap;
  }
  if (!sc.sweep.vary.empty()) {
    out << YAML::Key << "sweep" << YAML::Value << YAML::BeginMap << YAML::Key << "vary" << YAML::Value << YAML::BeginMap;
    for (const auto& [key, spec] : sc.sweep.vary) out << YAML::Key << key << YAML::Value << spec;
    out << YAML::EndMap;
    if (sc.sweep.replications > 0) out << YAML::Key << "replications" << YAML::Value << sc.sweep.replications;
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  return std::string{out.c_str()} + "\n";
}

}  // namespace tracesim::scenario
