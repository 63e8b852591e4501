// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/kpi.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "tracesim/output/summary.hpp"
#include "tracesim/scenario/diagnostics.hpp"

namespace tracesim::sweep {
namespace {

// One day's value of period KPI `index` (period_kpis() order).
double daily(const model::DayStats& d, std::size_t index) {
  switch (index) {
    case 0: return d.attempts[0] + d.attempts[1];          // calls.attempts
    case 1: return d.connected[0] + d.connected[1];        // calls.connected
    case 2: return d.arrived[0];                           // index.arrived
    case 3: return d.arrived[0] + d.arrived[1];            // people.arrived
    case 4: return d.arrived[1];                           // contacts.arrived
    case 5: return d.sms_sent[0] + d.sms_sent[1];          // sms.sent
    case 6: return d.reached_call[0];                      // index.reached_by_call
    case 7: return d.reached_call[1];                      // contacts.reached_by_call
    case 8: return d.inbound_offered;                      // inbound.offered
    case 9: return d.inbound_answered;                     // inbound.answered
    case 10: return d.reached_call[0] + d.reached_sms[0];  // index.reached
    case 11: return d.reached_call[1] + d.reached_sms[1];  // contacts.reached
    case 12:                                               // people.reached
      return d.reached_call[0] + d.reached_sms[0] + d.reached_call[1] + d.reached_sms[1];
    case 13: return d.appointments[0];                     // index.appointments
    default: return d.appointments[1];                     // contacts.appointments
  }
}

std::optional<std::size_t> position(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
}

}  // namespace

const std::vector<std::string>& period_kpis() {
  static const std::vector<std::string> names{"calls.attempts",        "calls.connected",          "index.arrived",  "people.arrived",
                                              "contacts.arrived",      "sms.sent",                 "index.reached_by_call",
                                              "contacts.reached_by_call", "inbound.offered",       "inbound.answered",
                                              "index.reached",         "contacts.reached",         "people.reached",
                                              "index.appointments",    "contacts.appointments"};
  return names;
}

std::vector<std::string> kpi_names(const model::PlatformConfig& config) {
  model::RunResult shape;
  for (const auto& p : config.pools) shape.pools.push_back(model::PoolTotals{p.name, 0, 0, 0, 0, 0, 0});
  // The list has the same conditional sections as a result of this configuration.
  for (const auto& t : config.tasks) shape.stale_rules = shape.stale_rules || t.stale.action != model::StaleAction::Keep;
  for (const auto& t : config.tasks) shape.outcomes = shape.outcomes || !t.outcomes.appointment.empty();
  shape.back_office_kinds = !config.back_office.empty();
  std::vector<std::string> names;
  for (const auto& k : output::kpis(shape)) names.push_back(k.name);
  return names;
}

std::optional<KpiId> find_kpi(const std::vector<std::string>& names, const std::string& name,
                              std::optional<kernel::Date> from, std::optional<kernel::Date> to) {
  const bool over_period = from || to;
  const auto at = position(over_period ? period_kpis() : names, name);
  if (!at) return std::nullopt;
  return KpiId{*at, over_period, from, to};
}

KpiId resolve_kpi(const std::vector<std::string>& names, const std::string& name) {
  if (auto id = find_kpi(names, name)) return *id;
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const auto& n : names) near.push_back({scenario::edit_distance(name, n), n});
  std::sort(near.begin(), near.end());
  std::string list;
  for (std::size_t k = 0; k < near.size() && k < 3; ++k) list += (k ? ", " : "") + near[k].second;
  throw std::invalid_argument("no KPI named '" + name + "'; nearest: " + list + " (all KPIs: docs/outputs.md)");
}

double kpi_value(const model::RunResult& result, const KpiId& kpi) {
  if (!kpi.over_period) return output::kpis(result)[kpi.index].value;
  double sum = 0;
  for (const auto& d : result.days)
    if ((!kpi.from || d.date >= *kpi.from) && (!kpi.to || d.date <= *kpi.to)) sum += daily(d, kpi.index);
  return sum;
}

}  // namespace tracesim::sweep
