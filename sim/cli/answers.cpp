// SPDX-License-Identifier: Apache-2.0
#include "answers.hpp"

#include <cmath>

#include "tracesim/kernel/calendar.hpp"

namespace tracesim::cli {
namespace {

using json = nlohmann::ordered_json;

json number(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  return v;
}

json level_json(const sweep::LevelResult& r) {
  return json{{"level", r.level},      {"replications", r.replications}, {"mean", number(r.mean)},
              {"low", number(r.low)},  {"high", number(r.high)},         {"holds", r.holds}};
}

json date_or_null(const std::optional<kernel::Date>& d) { return d ? json(kernel::iso_date(*d)) : json(nullptr); }

}  // namespace

json staff_json(const scenario::Scenario& sc, const std::string& file, const sweep::StaffSearch& search,
                const std::vector<sweep::LevelResult>& tried, const sweep::StaffAnswer* answer) {
  json j;
  j["command"] = "staff";
  j["scenario"] = sc.name;
  j["scenario_file"] = file;
  j["complete"] = answer != nullptr;
  j["target"] = json{{"kpi", search.target.kpi}, {"op", search.target.at_least ? ">=" : "<="},
                     {"value", search.target.value}};
  j["lever"] = json{{"pool", search.lever.pool.empty() ? json(nullptr) : json(search.lever.pool)},
                    {"scale", search.lever.pool.empty()}, {"min", search.lever.min}, {"max", search.lever.max},
                    {"step", search.lever.step}};
  j["confidence"] = search.confidence;
  j["seed"] = search.seed;
  json levels = json::array();
  const sweep::LevelResult* best = nullptr;
  for (const auto& r : tried) {
    levels.push_back(level_json(r));
    if (r.holds && (!best || r.level < best->level)) best = &r;
  }
  j["best_so_far"] = best ? level_json(*best) : json(nullptr);
  j["found"] = answer ? json(answer->found) : json(nullptr);
  j["level"] = answer && answer->found ? json(answer->level) : json(nullptr);
  j["at_answer"] = answer && answer->found ? level_json(answer->at_answer) : json(nullptr);
  j["one_below"] = answer && answer->found && answer->has_below ? level_json(answer->below) : json(nullptr);
  j["tried"] = levels;
  return j;
}

json calibration_json(const scenario::Scenario& sc, const std::string& file, const sweep::CalibrationOptions& options,
                      const std::vector<CalibrationStep>& path, const sweep::CalibrationResult* result) {
  json j;
  j["command"] = "calibrate";
  j["scenario"] = sc.name;
  j["scenario_file"] = file;
  j["complete"] = result != nullptr;
  j["check_only"] = options.check_only;
  j["seed"] = options.seed;
  j["replications"] = sc.calibration.replications;
  json params = json::array();
  for (std::size_t k = 0; k < sc.calibration.parameters.size(); ++k) {
    const auto& p = sc.calibration.parameters[k];
    json row{{"key", p.key}, {"min", p.min}, {"max", p.max}, {"unit", p.is_duration ? "ms" : ""}};
    row["value"] = result && k < result->value_texts.size() ? json(result->value_texts[k]) : json(nullptr);
    params.push_back(row);
  }
  j["parameters"] = params;
  json targets = json::array();
  if (result) {
    for (const auto& t : result->targets)
      targets.push_back(json{{"name", t.target.name},           {"kpi", t.target.kpi},
                             {"from", date_or_null(t.target.from)}, {"to", date_or_null(t.target.to)},
                             {"value", t.target.value},         {"tolerance", t.target.tolerance},
                             {"relative", t.target.relative},   {"role", t.target.fit ? "fit" : "holdout"},
                             {"source", t.target.source},       {"mean", number(t.mean)},
                             {"ci95_low", number(t.ci_low)},    {"ci95_high", number(t.ci_high)},
                             {"residual", number(t.residual)}, {"relative_error", number(t.relative_error)},
                             {"within_tolerance", t.within}});
  }
  j["targets"] = targets;
  j["objective"] = result ? number(result->objective) : json(nullptr);
  j["evaluations"] = result ? result->evaluations : static_cast<int>(path.size());
  j["evaluations_to_tolerance"] = result ? result->evaluations_to_tolerance : 0;
  j["interrupted"] = result ? result->interrupted : false;
  json steps = json::array();
  const CalibrationStep* best = nullptr;
  for (const auto& s : path) {
    steps.push_back(json{{"evaluation", s.evaluation}, {"values", s.values}, {"objective", number(s.objective)}});
    if (!best || s.objective < best->objective) best = &s;
  }
  j["best_so_far"] = best ? json{{"evaluation", best->evaluation}, {"values", best->values},
                                 {"objective", number(best->objective)}}
                          : json(nullptr);
  j["path"] = steps;
  return j;
}

json erlang_json(const analytic::ErlangInput& in, const analytic::ErlangResult& r, bool least_agents) {
  // The analytic module works in minutes; the answer speaks seconds and hours.
  json j;
  j["command"] = "erlang";
  j["model"] = in.mean_patience > 0 ? "Erlang A" : "Erlang C";
  j["arrivals_per_h"] = in.arrival_rate * 60;
  j["mean_handle_s"] = in.mean_handle * 60;
  j["mean_patience_s"] = in.mean_patience > 0 ? json(in.mean_patience * 60) : json(nullptr);
  j["service_level_threshold_s"] = in.service_level_threshold * 60;
  j["agents"] = in.agents;
  j["least_agents_meeting_target"] = least_agents;
  j["offered_load_erlangs"] = r.offered_load;
  j["stable"] = r.stable;
  j["occupancy"] = number(r.occupancy);
  j["wait_probability"] = number(r.wait_probability);
  j["mean_wait_s"] = number(r.mean_wait * 60);
  j["mean_wait_answered_s"] = number(r.mean_wait_answered * 60);
  j["service_level"] = number(r.service_level);
  j["abandon_probability"] = number(r.abandon_probability);
  j["answer_rate"] = number(1.0 - r.abandon_probability);
  j["mean_queue_length"] = number(r.mean_queue_length);
  return j;
}

json check_json(const std::string& file, const scenario::Scenario& sc) {
  json pools = json::array();
  for (const auto& p : sc.platform.pools) pools.push_back(p.name);
  return json{{"command", "check"},
              {"file", file},
              {"ok", true},
              {"scenario", sc.name},
              {"start", kernel::iso_date(sc.platform.calendar.start)},
              {"end", kernel::iso_date(sc.platform.calendar.end)},
              {"days", sc.platform.calendar.end.days - sc.platform.calendar.start.days + 1},
              {"pools", pools},
              {"schema_version", sc.schema_version}};
}

}  // namespace tracesim::cli
