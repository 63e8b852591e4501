// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/calibrate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "tracesim/output/statistics.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/scenario/units.hpp"
#include "tracesim/sweep/replications.hpp"
#include "tracesim/sweep/staff.hpp"

namespace tracesim::sweep {
namespace {

using scenario::Diagnostic;
using scenario::ScenarioError;

std::string value_text(const scenario::CalibrationParameter& p, double v) {
  if (p.is_duration) return scenario::format_duration(kernel::Duration{static_cast<std::int64_t>(std::llround(v))});
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// A target's miss in tolerances (relative to its value, or absolute).
double residual(const scenario::CalibrationTarget& t, double mean) {
  const double scale = t.relative ? std::abs(t.value) * t.tolerance : t.tolerance;
  return (mean - t.value) / scale;
}

// Whether KPI `name` is a share in [0, 1] (docs/outputs.md): the reached-within
// and reached-ever proportions, rates, shares, occupancy and service level, as
// opposed to counts (reached_by_call) and times.
bool is_share(const std::string& name) {
  auto ends_with = [&](const std::string& tail) {
    return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  return name.find(".reached_within_") != std::string::npos || ends_with(".reached_ever") || ends_with("_share") ||
         ends_with("_rate") || ends_with(".occupancy") || ends_with(".service_level") || ends_with(".wait_probability");
}

// The KPI of every target, resolved once. Ill-posed set-ups are refused before
// any simulation: throws ScenarioError listing every problem.
std::vector<KpiId> checked_targets(const scenario::Scenario& base, const std::string& where) {
  const auto& cal = base.calibration;
  scenario::Diagnostics problems;
  auto fail = [&](const std::string& path, const std::string& message) {
    problems.push_back(Diagnostic{where, 0, 0, path, message});
  };
  if (cal.targets.empty())
    throw ScenarioError({Diagnostic{where, 0, 0, "calibration",
                                    "expected a calibration section with targets (docs/calibration.md)"}});
  const auto names = kpi_names(base.platform);
  std::vector<KpiId> kpis;
  std::size_t fitted = 0;
  for (std::size_t i = 0; i < cal.targets.size(); ++i) {
    const auto& t = cal.targets[i];
    const std::string path = "calibration.targets[" + std::to_string(i) + "]";
    fitted += t.fit ? 1 : 0;
    const auto id = find_kpi(names, t.kpi, t.from, t.to);
    if (id) kpis.push_back(*id);
    if (t.from || t.to) {
      if (!id) {
        std::string list;
        for (const auto& n : period_kpis()) list += (list.empty() ? "" : ", ") + n;
        fail(path + ".kpi", "'" + t.kpi + "' has no daily form, so it takes no period; these do: " + list);
      }
      if (t.from && t.to && *t.to < *t.from) fail(path + ".to", "must not be before from");
      const auto& calendar = base.platform.calendar;
      for (const auto& [end, key] : {std::pair{t.from, ".from"}, std::pair{t.to, ".to"}})
        if (end && (end->days < calendar.start.days || end->days > calendar.end.days))
          fail(path + key, "outside the calendar (" + kernel::iso_date(calendar.start) + " to " +
                               kernel::iso_date(calendar.end) + "): no simulated day to compare");
    } else if (!id) {
      fail(path + ".kpi", "no KPI named '" + t.kpi + "' (docs/outputs.md lists them)");
    }
    if (id && is_share(t.kpi) && (t.value < 0 || t.value > 1))
      fail(path + ".value", "'" + t.kpi + "' is a share between 0 and 1, got " + output::csv_number(t.value));
  }
  if (cal.parameters.size() > fitted)
    fail("calibration.parameters", std::to_string(cal.parameters.size()) + " free parameters but only " +
                                       std::to_string(fitted) + " fitted targets: the fit is not identified");
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  return kpis;
}

// Nelder-Mead on the unit box of dimension `dim` (points clamped into it), from
// its centre, until the simplex is small or flat or `evaluations` (counted by
// `objective`) reaches `max_evaluations`. Returns the best point.
template <typename Objective>
std::vector<double> nelder_mead(Objective& objective, std::size_t dim, int max_evaluations, const int& evaluations) {
  std::vector<std::vector<double>> simplex(dim + 1, std::vector<double>(dim, 0.5));
  for (std::size_t k = 0; k < dim; ++k) simplex[k + 1][k] = 0.85;
  std::vector<double> f(dim + 1);
  for (std::size_t i = 0; i <= dim; ++i) f[i] = objective(simplex[i]);
  auto clamp_point = [](std::vector<double> p) {
    for (double& x : p) x = std::clamp(x, 0.0, 1.0);
    return p;
  };
  while (evaluations < max_evaluations) {
    std::vector<std::size_t> order(dim + 1);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return f[a] < f[b]; });
    const std::size_t lo = order.front();
    const std::size_t hi = order.back();
    const std::size_t second = order[dim > 0 ? dim - 1 : 0];
    double size = 0;
    for (std::size_t i = 0; i <= dim; ++i)
      for (std::size_t k = 0; k < dim; ++k) size = std::max(size, std::abs(simplex[i][k] - simplex[lo][k]));
    if (size < 1e-4 || f[hi] - f[lo] < 1e-9) break;
    std::vector<double> centroid(dim, 0.0);
    for (std::size_t i = 0; i <= dim; ++i)
      if (i != hi)
        for (std::size_t k = 0; k < dim; ++k) centroid[k] += simplex[i][k] / static_cast<double>(dim);
    auto along = [&](double t) {
      std::vector<double> p(dim);
      for (std::size_t k = 0; k < dim; ++k) p[k] = centroid[k] + t * (simplex[hi][k] - centroid[k]);
      return clamp_point(p);
    };
    const auto reflected = along(-1.0);
    const double fr = objective(reflected);
    if (fr < f[lo]) {
      const auto expanded = along(-2.0);
      const double fe = objective(expanded);
      if (fe < fr) {
        simplex[hi] = expanded;
        f[hi] = fe;
      } else {
        simplex[hi] = reflected;
        f[hi] = fr;
      }
    } else if (fr < f[second]) {
      simplex[hi] = reflected;
      f[hi] = fr;
    } else {
      const auto contracted = fr < f[hi] ? along(-0.5) : along(0.5);
      const double fc = objective(contracted);
      if (fc < std::min(fr, f[hi])) {
        simplex[hi] = contracted;
        f[hi] = fc;
      } else {  // shrink towards the best point
        for (std::size_t i = 0; i <= dim; ++i) {
          if (i == lo) continue;
          for (std::size_t k = 0; k < dim; ++k) simplex[i][k] = simplex[lo][k] + 0.5 * (simplex[i][k] - simplex[lo][k]);
          f[i] = objective(simplex[i]);
        }
      }
    }
  }
  const auto it = std::min_element(f.begin(), f.end());
  return simplex[static_cast<std::size_t>(it - f.begin())];
}

}  // namespace

CalibrationResult calibrate(const scenario::Document& document, const std::vector<scenario::Override>& overrides,
                            const CalibrationOptions& options, std::stop_token stop,
                            const std::function<void(int, const std::vector<std::string>&, double)>& progress) {
  const auto base = document.resolve(overrides);
  const auto& cal = base.calibration;
  std::vector<KpiId> kpis;
  try {
    kpis = checked_targets(base, document.name());  // resolved once
  } catch (scenario::ScenarioError& e) {
    scenario::Diagnostics diags = e.diagnostics();
    document.locate(diags, overrides);  // the file's line and column, as for every other scenario problem
    throw scenario::ScenarioError(std::move(diags));
  }

  const std::size_t dim = cal.parameters.size();
  const auto reps = cal.replications;
  CalibrationResult out;

  // One evaluation: the scenario at these values, `reps` replications with the
  // same seeds every time (common random numbers make the objective smooth).
  auto with_values = [&](const std::vector<double>& values) {
    auto o = overrides;
    for (std::size_t k = 0; k < values.size(); ++k)
      o.push_back({cal.parameters[k].key, value_text(cal.parameters[k], values[k]), "calibration parameter"});
    return o;
  };
  auto run_at = [&](const std::vector<scenario::Override>& o, std::vector<std::vector<double>>& per_target) {
    RunSpec run;
    run.config = std::make_shared<const model::PlatformConfig>(document.resolve(o).platform);
    run.seed = options.seed;
    run.replications = reps;
    run.threads = options.threads;
    run.event_budget = options.event_budget;
    run.stop = stop;
    const auto [results, stopped] = run_replications(run);
    if (stopped) throw Interrupted{};
    per_target.assign(cal.targets.size(), {});
    for (const auto& r : results)
      for (std::size_t i = 0; i < cal.targets.size(); ++i)
        per_target[i].push_back(kpi_value(r, kpis[i]));
  };
  auto objective = [&](const std::vector<double>& unit) {
    std::vector<double> values(dim);
    for (std::size_t k = 0; k < dim; ++k)
      values[k] = cal.parameters[k].min + std::clamp(unit[k], 0.0, 1.0) * (cal.parameters[k].max - cal.parameters[k].min);
    std::vector<std::vector<double>> per_target;
    run_at(with_values(values), per_target);
    double sum = 0;
    for (std::size_t i = 0; i < cal.targets.size(); ++i) {
      if (!cal.targets[i].fit) continue;
      const double mean = std::accumulate(per_target[i].begin(), per_target[i].end(), 0.0) / static_cast<double>(reps);
      const double r = residual(cal.targets[i], mean);
      sum += r * r;
    }
    ++out.evaluations;
    if (progress) {
      std::vector<std::string> texts;
      for (std::size_t k = 0; k < dim; ++k) texts.push_back(value_text(cal.parameters[k], values[k]));
      progress(out.evaluations, texts, sum);
    }
    return sum;
  };

  std::vector<double> best;  // empty with check_only: the scenario's own values
  if (!options.check_only && dim > 0) best = nelder_mead(objective, dim, cal.max_evaluations, out.evaluations);

  // Report every target at the answer (or at the scenario's own values with check_only).
  std::vector<double> values;  // empty with check_only: the scenario's own values
  for (std::size_t k = 0; k < best.size(); ++k) {
    const auto& p = cal.parameters[k];
    values.push_back(p.min + std::clamp(best[k], 0.0, 1.0) * (p.max - p.min));
    out.value_texts.push_back(value_text(p, values.back()));
  }
  out.values = values;
  const auto fitted_overrides = with_values(values);
  std::vector<std::vector<double>> per_target;
  run_at(fitted_overrides, per_target);
  out.calibrated_yaml = scenario::to_yaml(document.resolve(fitted_overrides));
  for (std::size_t i = 0; i < cal.targets.size(); ++i) {
    const output::Estimate e = output::estimate(per_target[i]);
    TargetOutcome t{cal.targets[i], e.mean, e.mean - e.half_width, e.mean + e.half_width, residual(cal.targets[i], e.mean)};
    if (t.target.fit) out.objective += t.residual * t.residual;
    out.targets.push_back(t);
  }
  return out;
}

}  // namespace tracesim::sweep
