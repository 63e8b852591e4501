// SPDX-License-Identifier: Apache-2.0
// demand.index_cases.curve: the positive cases per day, in exactly one of five forms.
#include <cmath>

#include "../bounds.hpp"
#include "../sections.hpp"
#include "tracesim/scenario/cases_csv.hpp"

namespace tracesim::scenario::detail {
namespace {

using model::CaseCurve;

const Keys<model::CurveStep>& piecewise_keys() {
  using B = Bind<model::CurveStep>;
  static const Keys<model::CurveStep> keys{{
      B::date("from", &model::CurveStep::from, "first day of the step").required(),
      B::number("per_day", &model::CurveStep::per_day, 0, kMaxPerDay, "expected positives per day")
          .in("positives/day")
          .required(),
  }};
  return keys;
}

// A wave's width is read as a duration of whole days' worth and kept in days.
Key<model::Wave> width_key() {
  auto read = [](ReadContext& ctx, const Field& f, model::Wave& w) {
    if (auto width = read_duration(ctx, f, kernel::kDay, kMaxDuration))
      w.width_days = static_cast<double>(width->count()) / static_cast<double>(kernel::kDay.count());
  };
  auto write = [](YAML::Emitter& out, const model::Wave& w) {
    out << format_duration(kernel::Duration{std::llround(w.width_days * 86'400'000.0)});
  };
  return Bind<model::Wave>::custom("width", read, write, "standard deviation of the Gaussian bump").required();
}

const Keys<model::Wave>& peak_keys() {
  using B = Bind<model::Wave>;
  static const Keys<model::Wave> keys{{
      B::date("date", &model::Wave::peak, "day of the peak").required(),
      B::number("per_day", &model::Wave::peak_per_day, 0, kMaxPerDay,
                "positives per day at the peak, above the baseline")
          .in("positives/day")
          .required(),
      width_key(),
  }};
  return keys;
}

const Keys<CaseCurve>& waves_keys() {
  using B = Bind<CaseCurve>;
  static const Keys<CaseCurve> keys{{
      B::number("baseline", &CaseCurve::baseline_per_day, 0, kMaxPerDay, "positives per day under the waves")
          .in("positives/day"),
      B::list("peaks", &CaseCurve::waves, peak_keys(), "the waves, each a Gaussian bump").required(),
  }};
  return keys;
}

void read_monthly(ReadContext& ctx, const Field& f, CaseCurve& curve) {
  MapReader months{ctx, f};
  if (!months.is_map()) return;
  for (const auto& kv : f.node) {
    const std::string key = kv.first.Scalar();
    const Field item = f.named(key, kv.second);
    kernel::Date d;
    if (!kernel::parse_iso_date(key + "-01", d)) {
      ctx.error(kv.first, item.path, "expected a month YYYY-MM, got '" + key + "'");
      continue;
    }
    int y = 0;
    unsigned mo = 0;
    unsigned day = 0;
    kernel::ymd_of(d, y, mo, day);
    if (auto v = read_double(ctx, item, 0, kMaxPerDay * 31)) curve.monthly.push_back({y, mo, *v});
  }
}

void write_monthly(YAML::Emitter& out, const CaseCurve& curve) {
  out << YAML::BeginMap;
  for (const auto& mt : curve.monthly)
    out << YAML::Key << kernel::iso_date(kernel::date_from_ymd(mt.year, mt.month, 1)).substr(0, 7) << YAML::Value
        << mt.positives;
  out << YAML::EndMap;
}

void read_weekday_profile(ReadContext& ctx, const Field& f, CaseCurve& curve) {
  if (!expect_sequence(ctx, f)) return;
  if (f.node.size() != 7) {
    ctx.error(f.node, f.path, "expected 7 weights, Monday to Sunday; got " + std::to_string(f.node.size()));
    return;
  }
  for (std::size_t i = 0; i < 7; ++i)
    if (auto w = read_double(ctx, f.item(i), 0, 100)) curve.weekday_profile[i] = *w;
}

void write_weekday_profile(YAML::Emitter& out, const CaseCurve& curve) {
  out << YAML::Flow << YAML::BeginSeq;
  for (double w : curve.weekday_profile) out << w;
  out << YAML::EndSeq;
}

void read_daily_csv(ReadContext& ctx, const Field& csv, CaseCurve& curve) {
  const auto path = read_string(ctx, csv);
  if (!path) return;
  std::filesystem::path p{*path};
  if (p.is_relative()) p = ctx.base_dir / p;
  curve.series_path = *path;
  std::error_code ec;
  const auto absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(p), ec);
  curve.series_file = ec ? p.string() : absolute.string();
  Diagnostics csv_diags;
  curve.series = read_cases_csv(p, csv_diags);
  for (Diagnostic& d : csv_diags) {
    if (d.line == 0) {  // cannot open: point at the key that names the file
      const bool plain = d.message.rfind("cannot open", 0) == 0;
      ctx.error(csv.node, csv.path, "cannot read the case series '" + p.string() + "'" + (plain ? "" : ": " + d.message));
    } else {
      ctx.diags.push_back(std::move(d));
    }
  }
}

// A form of the curve: reading it sets the curve's kind; it is written only for that kind.
Key<CaseCurve> form(model::CurveKind kind, Key<CaseCurve> k) {
  k.read = [kind, read = std::move(k.read)](ReadContext& ctx, const Field& f, CaseCurve& c) {
    c.kind = kind;
    read(ctx, f, c);
  };
  return std::move(k).written_if([kind](const CaseCurve& c) { return c.kind == kind; });
}

// The forms, in the order the docs list them; weekday_profile goes with monthly_totals.
const Keys<CaseCurve>& curve_keys() {
  using B = Bind<CaseCurve>;
  using model::CurveKind;
  auto self = [](auto& c) -> auto& { return c; };
  static const Keys<CaseCurve> keys{{
      form(CurveKind::Constant,
           B::number("constant", &CaseCurve::per_day, 0, kMaxPerDay, "the same expected positives every day")
               .in("positives/day")),
      form(CurveKind::MonthlyTotals,
           B::custom("monthly_totals", read_monthly, write_monthly,
                     "positives per month YYYY-MM, spread over its days by weekday_profile",
                     [](Schema& p, const std::string& base) { p.insert(base + ".<name>"); })
               .with_samples({"{2021-03: 300}"})),
      B::custom("weekday_profile", read_weekday_profile, write_weekday_profile,
                "weights of Monday .. Sunday within a month (monthly_totals only)")
          .in("weight")
          .with_samples({"[1, 1, 1, 1, 1, 0.5, 0.5]"})
          .written_if([](const CaseCurve& c) { return c.kind == CurveKind::MonthlyTotals; }),
      form(CurveKind::DailySeries,
           B::custom("daily_csv", read_daily_csv, [](YAML::Emitter& out, const CaseCurve& c) {
                     // The resolved file may be read from another folder: name the file read.
                     out << (c.series_file.empty() ? c.series_path : c.series_file);
                   },
                     "a CSV file date,positives of consecutive days (relative to the scenario's folder)")),
      form(CurveKind::Piecewise,
           B::list("piecewise", &CaseCurve::steps, piecewise_keys(), "a step function: per_day from each date on")),
      form(CurveKind::Waves, B::mapping("waves", self, waves_keys(), Style::Block, "a baseline plus Gaussian waves")),
  }};
  return keys;
}

// Exactly one form; weekday_profile only beside monthly_totals.
void read_curve(ReadContext& ctx, const Field& f, model::IndexCaseConfig& ic) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  const auto& keys = curve_keys();
  std::vector<std::string> forms;
  int given = 0;
  for (const auto& k : keys.keys) {
    if (k.name == "weekday_profile") continue;
    forms.push_back(k.name);
    given += m.has(k.name) ? 1 : 0;
  }
  if (given != 1) {
    ctx.error(f.node, f.path, "expected exactly one of " + listed(forms) + "; got " + std::to_string(given));
    return;
  }
  if (m.has("weekday_profile") && !m.has("monthly_totals"))
    ctx.error(m.at("weekday_profile").node, m.at("weekday_profile").path, "only used with monthly_totals");
  for (const auto& k : keys.keys) {
    if (k.name == "weekday_profile" || !m.has(k.name)) continue;
    k.read(ctx, m.at(k.name), ic.curve);
    if (k.name == "monthly_totals" && m.has("weekday_profile"))
      keys["weekday_profile"].read(ctx, m.at("weekday_profile"), ic.curve);
  }
}

}  // namespace

Key<model::IndexCaseConfig> curve_key() {
  auto write = [](YAML::Emitter& out, const model::IndexCaseConfig& ic) {
    write_map(out, curve_keys(), ic.curve, Style::Block);
  };
  auto paths = [](Schema& p, const std::string& base) { add_paths(p, base, curve_keys()); };
  return Bind<model::IndexCaseConfig>::custom("curve", read_curve, write, "positive cases per day in the area",
                                              paths)
      .required();
}

}  // namespace tracesim::scenario::detail
