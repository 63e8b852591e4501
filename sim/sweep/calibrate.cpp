// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/calibrate.hpp"

#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <string>
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

// Targets named with --holdout are reported, not fitted, whatever the file says.
void hold_out(scenario::CalibrationSection& cal, const std::vector<std::string>& names, const std::string& where) {
  scenario::Diagnostics problems;
  for (const auto& name : names) {
    const auto it = std::find_if(cal.targets.begin(), cal.targets.end(), [&](const auto& t) { return t.name == name; });
    if (it == cal.targets.end())
      problems.push_back(Diagnostic{where, 0, 0, "--holdout", "no calibration target named '" + name + "'"});
    else
      it->fit = false;
  }
  if (!problems.empty()) throw ScenarioError(std::move(problems));
}

// Whether KPI `name` is a share in [0, 1] (docs/outputs.md): the reached-within
// and reached-ever proportions (of identified or of named contacts), rates,
// shares, occupancy and service level, as opposed to counts (reached_by_call)
// and times.
bool is_share(const std::string& name) {
  auto ends_with = [&](const std::string& tail) {
    return name.size() >= tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  return name.find("reached_within_") != std::string::npos || ends_with("reached_ever") || ends_with("_share") ||
         ends_with("_rate") || ends_with(".occupancy") || ends_with(".service_level") || ends_with(".wait_probability");
}

// The KPI of every target, resolved once. Ill-posed set-ups are refused before
// any simulation: throws ScenarioError listing every problem. A search needs
// at least as many fitted targets as parameters; a check (`searching` false) does not.
std::vector<KpiId> checked_targets(const scenario::Scenario& base, const std::string& where, bool searching) {
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
  if (searching && cal.parameters.size() > fitted)
    fail("calibration.parameters", std::to_string(cal.parameters.size()) + " free parameters but only " +
                                       std::to_string(fitted) + " fitted targets: the fit is not identified");
  if (!problems.empty()) throw ScenarioError(std::move(problems));
  return kpis;
}

// The best candidate evaluated so far: kept so that an interrupted search still
// has an answer, and so that the answer's table needs no second run (with common
// random numbers a re-run would give the same figures).
struct Best {
  double objective = std::numeric_limits<double>::infinity();
  std::vector<double> unit;
  std::vector<std::vector<double>> per_target;
};

// BOBYQA (NLopt) on the unit box of dimension `dim`, from its centre, until the
// step or the objective stops moving, the objective is negligible (every fitted
// residual under a hundredth of its tolerance) or `max_evaluations` is reached.
// Returns true when it was interrupted; exceptions of the objective other than
// Interrupted (a candidate that breaks a rule) propagate.
template <typename Objective>
bool bobyqa(Objective& objective, std::size_t dim, int max_evaluations) {
  nlopt::opt opt(nlopt::LN_BOBYQA, static_cast<unsigned>(dim));
  struct Context {
    Objective* f;
    std::exception_ptr error;
    bool interrupted = false;
  } context{&objective, nullptr};
  opt.set_lower_bounds(std::vector<double>(dim, 0.0));
  opt.set_upper_bounds(std::vector<double>(dim, 1.0));
  opt.set_min_objective(
      [](const std::vector<double>& x, std::vector<double>&, void* data) -> double {
        auto& c = *static_cast<Context*>(data);
        try {
          return (*c.f)(x);
        } catch (const Interrupted&) {
          c.interrupted = true;
        } catch (...) {
          c.error = std::current_exception();
        }
        throw nlopt::forced_stop();
      },
      &context);
  opt.set_xtol_abs(1e-4);
  opt.set_ftol_abs(1e-9);
  opt.set_stopval(1e-4);
  opt.set_maxeval(max_evaluations);
  opt.set_initial_step(0.25);
  std::vector<double> x(dim, 0.5);
  double f = 0;
  try {
    opt.optimize(x, f);
  } catch (const nlopt::forced_stop&) {
  } catch (const nlopt::roundoff_limited&) {  // the best point so far stands
  }
  if (context.error) std::rethrow_exception(context.error);
  return context.interrupted;
}

// The first candidates BOBYQA asks for from the centre of the unit box with an
// initial step of 0.25 (bobyqa() below), before its model steers it: the centre,
// then the centre plus the step along each axis, then minus the step along
// each, at most `max_evaluations` of them.
std::vector<std::vector<double>> first_design(std::size_t dim, int max_evaluations) {
  std::vector<std::vector<double>> units{std::vector<double>(dim, 0.5)};
  for (const double step : {0.25, -0.25})
    for (std::size_t k = 0; k < dim; ++k) {
      units.emplace_back(dim, 0.5);
      units.back()[k] += step;
    }
  if (max_evaluations >= 0 && units.size() > static_cast<std::size_t>(max_evaluations))
    units.resize(static_cast<std::size_t>(max_evaluations));
  return units;
}

}  // namespace

// Long: the evaluation closures share the resolved scenario, the options and the
// best point; split, they would need a class for no gain in reading.
CalibrationResult calibrate(const scenario::Document& document, const std::vector<scenario::Override>& overrides,
                            const CalibrationOptions& options, std::stop_token stop,
                            const std::function<void(int, const std::vector<std::string>&, double)>& progress) {
  auto base = document.resolve(overrides);
  hold_out(base.calibration, options.holdout, document.name());
  const auto& cal = base.calibration;
  std::vector<KpiId> kpis;
  try {
    kpis = checked_targets(base, document.name(), !options.check_only);  // resolved once
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
  auto values_of = [&](const std::vector<double>& unit) {
    std::vector<double> values(dim);
    for (std::size_t k = 0; k < dim; ++k)
      values[k] = cal.parameters[k].min + std::clamp(unit[k], 0.0, 1.0) * (cal.parameters[k].max - cal.parameters[k].min);
    return values;
  };
  auto spec_at = [&](const std::vector<scenario::Override>& o) {
    RunSpec run;
    run.plan = std::make_shared<const model::Plan>(model::compile(document.resolve(o).platform));
    run.seed = options.seed;
    run.replications = reps;
    run.threads = options.threads;
    run.event_budget = options.event_budget;
    run.stop = stop;
    return run;
  };
  auto kpis_of = [&](const std::vector<model::RunResult>& results) {
    std::vector<std::vector<double>> per_target(cal.targets.size());
    for (const auto& r : results)
      for (std::size_t i = 0; i < cal.targets.size(); ++i) per_target[i].push_back(kpi_value(r, kpis[i]));
    return per_target;
  };
  // A candidate's replications depend only on its overrides: a point whose values
  // are written the same as one already run is not run again.
  std::map<std::vector<std::string>, std::vector<std::vector<double>>> done;
  auto texts_of = [](const std::vector<scenario::Override>& o) {
    std::vector<std::string> texts;
    for (const auto& x : o) texts.push_back(x.value);
    return texts;
  };
  auto run_at = [&](const std::vector<scenario::Override>& o, std::vector<std::vector<double>>& per_target) {
    if (const auto hit = done.find(texts_of(o)); hit != done.end()) {
      per_target = hit->second;
      return;
    }
    const auto [results, stopped] = run_replications(spec_at(o));
    ++out.candidates_run;
    if (stopped) throw Interrupted{};
    per_target = kpis_of(results);
    done.emplace(texts_of(o), per_target);
  };
  // BOBYQA's first 2n + 1 candidates do not depend on the objective (the centre of
  // the box, then a step of +0.25 and -0.25 along each axis, in that order): their
  // replications run as one batch, so no worker waits at the end of a candidate.
  auto run_first_design = [&](const std::vector<std::vector<double>>& units) {
    std::vector<std::vector<scenario::Override>> points;
    std::vector<RunSpec> specs;
    for (const auto& unit : units) {
      auto o = with_values(values_of(unit));
      const auto texts = texts_of(o);
      const bool again = done.count(texts) > 0 || std::any_of(points.begin(), points.end(), [&](const auto& p) {
                           return texts_of(p) == texts;
                         });
      if (again) continue;  // written the same as a point before it: one run serves both
      try {
        specs.push_back(spec_at(o));
      } catch (const scenario::ScenarioError&) {
        break;  // the search reports it when it gets there, after the candidates before it
      }
      points.push_back(std::move(o));
    }
    auto batch = run_batch(specs, options.threads);
    out.candidates_run += static_cast<int>(points.size());
    for (std::size_t p = 0; p < points.size(); ++p)
      if (!batch[p].stopped) done.emplace(texts_of(points[p]), kpis_of(batch[p].results));
  };
  Best best;
  auto objective = [&](const std::vector<double>& unit) {
    const auto values = values_of(unit);
    std::vector<std::vector<double>> per_target;
    run_at(with_values(values), per_target);
    double sum = 0;
    bool within = true;
    for (std::size_t i = 0; i < cal.targets.size(); ++i) {
      if (!cal.targets[i].fit) continue;
      const double mean = std::accumulate(per_target[i].begin(), per_target[i].end(), 0.0) / static_cast<double>(reps);
      const double r = residual(cal.targets[i], mean);
      sum += r * r;
      within = within && std::abs(r) <= 1;
    }
    ++out.evaluations;
    if (within && out.evaluations_to_tolerance == 0) out.evaluations_to_tolerance = out.evaluations;
    if (sum < best.objective) best = Best{sum, unit, std::move(per_target)};
    if (progress) {
      std::vector<std::string> texts;
      for (std::size_t k = 0; k < dim; ++k) texts.push_back(value_text(cal.parameters[k], values[k]));
      progress(out.evaluations, texts, sum);
    }
    return sum;
  };

  std::vector<std::vector<double>> per_target;
  if (!options.check_only && dim > 0) {
    run_first_design(first_design(dim, cal.max_evaluations));
    out.interrupted = bobyqa(objective, dim, cal.max_evaluations);
    if (best.unit.empty()) throw Interrupted{};  // stopped before a single evaluation
    per_target = std::move(best.per_target);
  }
  // Report every target at the answer (or at the scenario's own values with check_only).
  std::vector<double> values;  // empty with check_only: the scenario's own values
  if (!best.unit.empty()) values = values_of(best.unit);
  for (std::size_t k = 0; k < values.size(); ++k) out.value_texts.push_back(value_text(cal.parameters[k], values[k]));
  out.values = values;
  const auto fitted_overrides = with_values(values);
  if (per_target.empty()) run_at(fitted_overrides, per_target);
  out.calibrated_yaml = scenario::to_yaml(document.resolve(fitted_overrides));
  for (std::size_t i = 0; i < cal.targets.size(); ++i) {
    const output::Estimate e = output::estimate(per_target[i]);
    const auto& target = cal.targets[i];
    TargetOutcome t{target, e.mean, e.mean - e.half_width, e.mean + e.half_width, residual(target, e.mean)};
    t.relative_error = target.value != 0 ? (e.mean - target.value) / std::abs(target.value) : 0.0;
    t.within = std::abs(t.residual) <= 1;
    if (t.target.fit) out.objective += t.residual * t.residual;
    out.targets.push_back(t);
  }
  return out;
}

}  // namespace tracesim::sweep
