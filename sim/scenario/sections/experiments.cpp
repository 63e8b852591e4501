// SPDX-License-Identifier: Apache-2.0
// run, sweep and calibration: how tracesim run, sweep and calibrate use the scenario.
#include <climits>
#include <cmath>

#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

// Each key of `vary` is a scenario key (checked when the sweep runs, through the
// same overrides as --set); values are "FROM:TO:STEP" or a list of values.
void read_vary(ReadContext& ctx, const Field& vf, SweepSection& sw) {
  MapReader v{ctx, vf};
  if (!v.is_map()) return;
  for (const auto& kv : vf.node) {
    const std::string key = kv.first.Scalar();
    const Field item = vf.named(key, kv.second);
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

void write_vary(YAML::Emitter& out, const SweepSection& sw) {
  out << YAML::BeginMap;
  for (const auto& [key, spec] : sw.vary) out << YAML::Key << key << YAML::Value << spec;
  out << YAML::EndMap;
}

// A bound is a number or a duration with units; both bounds of a parameter must agree.
std::optional<std::pair<double, bool>> read_bound(ReadContext& ctx, const Field& f) {
  if (f.node.IsScalar()) {
    if (const auto d = parse_duration(f.node.Scalar())) return std::pair{static_cast<double>(d->count()), true};
  }
  if (const auto v = read_double(ctx, f, -1e12, 1e12)) return std::pair{*v, false};
  return std::nullopt;
}

// min and max are read together, after key: they must be of one kind, min below max.
void read_bounds(ReadContext& ctx, const MapReader& p, CalibrationParameter& par) {
  std::optional<std::pair<double, bool>> lo;
  std::optional<std::pair<double, bool>> hi;
  if (p.has("min")) lo = read_bound(ctx, p.at("min")); else p.missing("min");
  if (p.has("max")) hi = read_bound(ctx, p.at("max")); else p.missing("max");
  if (!lo || !hi) return;
  par.min = lo->first;
  par.max = hi->first;
  par.is_duration = lo->second;
  if (lo->second != hi->second)
    ctx.error(p.at("max").node, p.at("max").path, "min and max must both be durations or both numbers");
  else if (!(par.min < par.max))
    ctx.error(p.at("max").node, p.at("max").path, "must be greater than min");
}

Key<CalibrationParameter> bound_key(const char* name, double CalibrationParameter::*member, const char* doc) {
  auto write = [member](YAML::Emitter& out, const CalibrationParameter& p) {
    const double v = p.*member;
    out << (p.is_duration ? format_duration(kernel::Duration{static_cast<std::int64_t>(std::llround(v))})
                          : YAML::Dump(YAML::Node(v)));
  };
  return Bind<CalibrationParameter>::custom(name, {}, write, doc);  // read by read_bounds
}

const Keys<CalibrationParameter>& parameter_keys() {
  using B = Bind<CalibrationParameter>;
  static const Keys<CalibrationParameter> keys{
      {
          B::text("key", &CalibrationParameter::key, "a scenario key, as for --set").required(),
          bound_key("min", &CalibrationParameter::min, "lower bound: a number, or a duration with units").required(),
          bound_key("max", &CalibrationParameter::max, "upper bound, of the same kind as min").required(),
      },
      {},
      {},
      read_bounds};
  return keys;
}

// An optional date of a target's period.
Key<CalibrationTarget> period_key(const char* name, std::optional<kernel::Date> CalibrationTarget::*member,
                                  const char* doc) {
  auto read = [member](ReadContext& ctx, const Field& f, CalibrationTarget& t) { t.*member = read_date(ctx, f); };
  auto write = [member](YAML::Emitter& out, const CalibrationTarget& t) { out << kernel::iso_date(*(t.*member)); };
  auto given = [member](const CalibrationTarget& t) { return (t.*member).has_value(); };
  return Bind<CalibrationTarget>::custom(name, read, write, doc).with_samples({"2021-03-02"}).written_if(given);
}

const Keys<CalibrationTarget>& target_keys() {
  using B = Bind<CalibrationTarget>;
  using T = CalibrationTarget;
  static const Keys<T> keys{
      {
          B::text("name", &T::name, "label in reports (default: the KPI)"),
          B::text("kpi", &T::kpi, "an output KPI (docs/outputs.md)").required(),
          period_key("from", &T::from, "first day of the period (daily KPIs only)"),
          period_key("to", &T::to, "last day of the period (daily KPIs only)"),
          B::number("value", &T::value, -1e15, 1e15, "the report's figure").required(),
          B::number("tolerance", &T::tolerance, 1e-9, 1e15, "relative to value when relative, else absolute"),
          B::flag("relative", &T::relative, "whether tolerance is relative to value"),
          B::choice("role", &T::fit, Choices<bool>{kTargetRoles}, "fitted, or held out and only reported"),
          B::text("source", &T::source, "where the figure comes from")
              .written_if([](const T& t) { return !t.source.empty(); }),
      },
      {"kpi", "name", "value", "tolerance", "relative", "source", "from", "to", "role"},
      {},
      [](ReadContext& ctx, const MapReader& t, T& tg) {
        if (!t.has("name")) tg.name = tg.kpi;
        if (tg.relative && tg.value == 0)
          ctx.error(t.field().node, t.field().path, "a relative tolerance needs a non-zero value");
      }};
  return keys;
}

}  // namespace

const Keys<RunSettings>& run_keys() {
  using B = Bind<RunSettings>;
  static const Keys<RunSettings> keys{{
      B::integer("replications", &RunSettings::replications, 1, 100000, "independent replications").in("replications"),
      B::integer("seed", &RunSettings::seed, 0, LLONG_MAX, "the seed of every random stream"),
      B::integer("event_budget", &RunSettings::event_budget, 1000, LLONG_MAX,
                 "events one replication may process before it is stopped")
                     .in("events"),
  }};
  return keys;
}

const Keys<SweepSection>& sweep_keys() {
  using B = Bind<SweepSection>;
  static const Keys<SweepSection> keys{
      {
          B::custom("vary", read_vary, write_vary, "scenario keys and their values: FROM:TO:STEP or a list",
                    [](Schema& p, const std::string& base) { p.insert(base + ".<name>"); })
              .required(),
          B::integer("replications", &SweepSection::replications, 1, 100000, "replications per point")
              .in("replications")
              .written_if([](const SweepSection& sw) { return sw.replications > 0; }),
      },
      {"replications", "vary"}};
  return keys;
}

const Keys<CalibrationSection>& calibration_keys() {
  using B = Bind<CalibrationSection>;
  using C = CalibrationSection;
  static const Keys<C> keys{
      {
          B::list("parameters", &C::parameters, parameter_keys(), "the free parameters").required(),
          B::list("targets", &C::targets, target_keys(), "the figures the model must reproduce").required(),
          B::integer("replications", &C::replications, 2, 10000, "replications per evaluation")
              .in("replications"),
          B::integer("max_evaluations", &C::max_evaluations, 1, 100000, "evaluations of the search at most")
              .in("evaluations"),
      },
      {"replications", "max_evaluations", "parameters", "targets"}};
  return keys;
}

}  // namespace tracesim::scenario::detail
