// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/model/config.hpp"
#include "tracesim/model/results.hpp"

namespace tracesim::sweep {

/// The KPIs that take a period: daily quantities summed over the days [from, to]
/// (calls.attempts, calls.connected, index.arrived, people.arrived, contacts.arrived,
/// sms.sent, index.reached_by_call, contacts.reached_by_call, inbound.offered,
/// inbound.answered, index.reached, contacts.reached, people.reached, index.appointments,
/// contacts.appointments).
const std::vector<std::string>& period_kpis();

/// The names of the whole-run KPIs of a result of `config`, in output::kpis()
/// order (the per-pool KPIs depend on its pools).
std::vector<std::string> kpi_names(const model::PlatformConfig& config);

/// A KPI resolved once from its name; searches then read it from every
/// replication by position, without comparing strings.
struct KpiId {
  std::size_t index = 0;      // in output::kpis() order, or in period_kpis() when over_period
  bool over_period = false;
  std::optional<kernel::Date> from;  // the period, inclusive; open ends are the run's ends
  std::optional<kernel::Date> to;
};

/// KPI `name` among `names` (see kpi_names), over the whole run, or summed over
/// [from, to] when a period is given. std::nullopt if the KPI does not exist (or
/// has no daily form when a period is given).
std::optional<KpiId> find_kpi(const std::vector<std::string>& names, const std::string& name,
                              std::optional<kernel::Date> from = std::nullopt,
                              std::optional<kernel::Date> to = std::nullopt);

/// Whole-run KPI `name` among `names`. Throws std::invalid_argument naming the
/// three nearest KPIs if there is none.
KpiId resolve_kpi(const std::vector<std::string>& names, const std::string& name);

/// The KPI's value in one replication.
double kpi_value(const model::RunResult& result, const KpiId& kpi);

}  // namespace tracesim::sweep
