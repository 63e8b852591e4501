// SPDX-License-Identifier: Apache-2.0
#include "schema.hpp"

#include <initializer_list>

namespace tracesim::scenario::detail {
namespace {

void add(std::set<std::string>& s, const std::string& base, std::initializer_list<const char*> keys) {
  for (const char* k : keys) s.insert(base.empty() ? std::string{k} : base + "." + k);
}

void add_duration_dist(std::set<std::string>& s, const std::string& base) {
  s.insert(base);
  add(s, base, {"dist", "mean", "cv", "value", "values", "weights"});
}

std::set<std::string> build() {
  std::set<std::string> s;
  add(s, "", {"schema_version", "name", "description", "calendar", "demand", "tasks", "attempt",
              "sms", "inbound", "staffing", "run", "sweep", "calibration"});
  add(s, "calendar", {"start", "end", "opening", "closed_dates"});
  for (const char* day : {"all_days", "weekdays", "weekend", "monday", "tuesday", "wednesday",
                          "thursday", "friday", "saturday", "sunday"}) {
    const std::string p = std::string{"calendar.opening."} + day;
    s.insert(p);
    add(s, p, {"open", "close"});
  }
  add(s, "demand", {"index_cases", "contacts_per_case"});
  const std::string ic = "demand.index_cases";
  add(s, ic, {"curve", "share_handled", "release_profile", "release_spread_within_hour", "delay_to_platform",
              "inbound_first_share", "segments", "prelisted_contact_share"});
  add(s, ic + ".curve", {"constant", "monthly_totals", "weekday_profile", "daily_csv", "piecewise", "waves"});
  add(s, ic + ".curve.monthly_totals", {"<name>"});
  add(s, ic + ".curve.piecewise[]", {"from", "per_day"});
  add(s, ic + ".curve.waves", {"baseline", "peaks"});
  add(s, ic + ".curve.waves.peaks[]", {"date", "per_day", "width"});
  add(s, ic + ".release_profile", {"<name>"});
  add_duration_dist(s, ic + ".delay_to_platform");
  add(s, ic + ".segments", {"<name>"});
  add(s, "demand.contacts_per_case", {"dist", "mean", "dispersion", "probabilities", "value"});
  add(s, "tasks", {"index_interview", "contact_call"});
  for (const char* task : {"tasks.index_interview", "tasks.contact_call"}) {
    const std::string t = task;
    add(s, t, {"deadline", "retry", "sms_at_deadline"});
    add_duration_dist(s, t + ".talk");
    add_duration_dist(s, t + ".wrap_up");
    add(s, t + ".retry", {"max_attempts", "min_spacing", "only_while_open", "on_exhausted"});
  }
  add_duration_dist(s, "attempt.ring");
  add_duration_dist(s, "attempt.no_answer_handling");
  add(s, "attempt", {"answer_probability", "answer_hour_factor"});
  add(s, "attempt.answer_hour_factor", {"<name>"});
  add(s, "sms", {"policy", "gateway", "index_declares_contacts_share"});
  add(s, "sms.policy[]", {"from", "segment", "index_interview", "contact_call"});
  add(s, "sms.gateway", {"per_hour", "delivery_delay"});
  add(s, "inbound", {"per_day", "hourly_profile", "retrial", "call_back", "when_closed",
                      "service_level_threshold"});
  add(s, "inbound.hourly_profile", {"<name>"});
  add_duration_dist(s, "inbound.patience");
  add_duration_dist(s, "inbound.talk");
  add_duration_dist(s, "inbound.wrap_up");
  add(s, "inbound.retrial", {"share", "max"});
  add_duration_dist(s, "inbound.retrial.delay");
  add(s, "inbound.call_back", {"sms_share", "missed_call_share"});
  add_duration_dist(s, "inbound.call_back.delay");
  add(s, "staffing", {"discipline", "pools"});
  add(s, "staffing.discipline", {"order", "priority_segments", "index_before_contacts"});
  const std::string pool = "staffing.pools.<name>";
  s.insert(pool);
  add(s, pool, {"skills", "efficiency", "fte", "roster", "contracted_hours_per_week", "shrinkage",
                "shifts", "no_new_attempt_before_end", "blend", "reinforcement"});
  add(s, pool + ".blend", {"mode", "reserve_agents", "pause_queue_above"});
  add(s, pool + ".reinforcement", {"backlog_above", "at_risk_share_above", "activation_delay",
                                   "release_backlog_below"});
  add(s, pool + ".fte[]", {"from", "fte"});
  add(s, pool + ".roster[]", {"from", "agents"});
  add(s, pool + ".shifts[]", {"name", "start", "end", "break", "break_start", "days"});
  add(s, "run", {"replications", "seed", "event_budget"});
  add(s, "sweep", {"vary", "replications"});
  add(s, "sweep.vary", {"<name>"});
  add(s, "calibration", {"parameters", "targets", "replications", "max_evaluations"});
  add(s, "calibration.parameters[]", {"key", "min", "max"});
  add(s, "calibration.targets[]", {"name", "kpi", "from", "to", "value", "tolerance", "relative", "role", "source"});
  // Lists of mappings also exist as plain keys.
  for (const char* list : {"demand.index_cases.curve.piecewise", "demand.index_cases.curve.waves.peaks",
                           "sms.policy", "staffing.pools.<name>.fte", "staffing.pools.<name>.roster",
                           "staffing.pools.<name>.shifts", "calibration.parameters", "calibration.targets"})
    s.insert(list);
  return s;
}

}  // namespace

const std::set<std::string>& schema_paths() {
  static const std::set<std::string> paths = build();  // immutable after first use
  return paths;
}

std::vector<std::string> children_of(const std::string& pattern) {
  std::vector<std::string> out;
  const std::string prefix = pattern.empty() ? "" : pattern + ".";
  for (const std::string& p : schema_paths()) {
    if (p.size() <= prefix.size() || p.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = p.substr(prefix.size());
    if (rest.find('.') != std::string::npos || rest.find('[') != std::string::npos) continue;
    out.push_back(rest);
  }
  return out;
}

bool has_named_children(const std::string& pattern) {
  return schema_paths().count(pattern + ".<name>") > 0;
}

}  // namespace tracesim::scenario::detail
