// SPDX-License-Identifier: Apache-2.0
// The data of a run's report, gathered from the run's files into one JSON
// object the page's script draws. Every daily.csv column is carried over with
// its mean and range across replications, so a column the model adds shows up
// in the page's "every daily series" chart without a change here.
#include "run_data.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>

#include "table.hpp"
#include "tracesim/kernel/calendar.hpp"
#include "tracesim/output/statistics.hpp"
#include "tracesim/scenario/scenario.hpp"

namespace tracesim::report::detail {
namespace {

using json = nlohmann::ordered_json;

json number_or_null(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  return v;
}

// Columns of daily.csv that are not counts or hours (a month's value is not the
// sum of its days), and stocks counted at each day's close.
bool is_additive(const std::string& column) {
  static const std::vector<std::string> kNot{"agents.occupancy", "inbound.answer_rate", "inbound.service_level",
                                             "inbound.mean_wait_answered_s"};
  if (std::find(kNot.begin(), kNot.end(), column) != kNot.end()) return false;
  return column.find("backlog") == std::string::npos;
}

// The daily columns whose sum over a period is a period KPI (sweep::period_kpis()):
// what a dated calibration target is compared with.
const std::map<std::string, std::vector<std::string>>& period_columns() {
  static const std::map<std::string, std::vector<std::string>> kMap{
      {"calls.attempts", {"index.attempts", "contacts.attempts"}},
      {"calls.connected", {"index.connected", "contacts.connected"}},
      {"index.arrived", {"index.arrived"}},
      {"people.arrived", {"index.arrived", "contacts.arrived"}},
      {"contacts.arrived", {"contacts.arrived"}},
      {"sms.sent", {"index.sms_sent", "contacts.sms_sent"}},
      {"index.reached_by_call", {"index.reached_by_call"}},
      {"contacts.reached_by_call", {"contacts.reached_by_call"}},
      {"inbound.offered", {"inbound.offered"}},
      {"inbound.answered", {"inbound.answered"}},
      {"index.appointments", {"index.appointments"}},
      {"contacts.appointments", {"contacts.appointments"}}};
  return kMap;
}

// daily.csv as values[replication][day][column], with the dates of replication 0.
struct Daily {
  std::vector<std::string> columns;  // numeric columns, after replication and date
  std::vector<std::string> dates;
  std::vector<std::vector<std::vector<double>>> values;
};

Daily read_daily(const std::filesystem::path& file) {
  const Table t = read_csv(file);
  const auto rep = t.column("replication");
  const auto date = t.column("date");
  if (!rep || !date) throw scenario::InputError(file.string() + ": expected columns replication and date");
  Daily d;
  std::vector<std::size_t> at;
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (c != *rep && c != *date) {
      d.columns.push_back(t.header[c]);
      at.push_back(c);
    }
  for (const auto& row : t.rows) {
    const auto r = static_cast<std::size_t>(number(row[*rep]));
    if (r >= d.values.size()) d.values.resize(r + 1);
    if (r == 0) d.dates.push_back(row[*date]);
    std::vector<double> cells;
    for (std::size_t c : at) cells.push_back(number(row[c]));
    d.values[r].push_back(std::move(cells));
  }
  return d;
}

// Per day: mean, min and max across replications of `value(rep, day)`.
json band(const Daily& d, const std::function<double(std::size_t, std::size_t)>& value) {
  json mean = json::array(), lo = json::array(), hi = json::array();
  for (std::size_t day = 0; day < d.dates.size(); ++day) {
    double sum = 0, low = std::numeric_limits<double>::infinity(), high = -low;
    std::size_t n = 0;
    for (std::size_t r = 0; r < d.values.size(); ++r) {
      if (day >= d.values[r].size()) continue;
      const double v = value(r, day);
      if (std::isnan(v)) continue;
      sum += v;
      low = std::min(low, v);
      high = std::max(high, v);
      ++n;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    mean.push_back(number_or_null(n ? sum / static_cast<double>(n) : nan));
    lo.push_back(number_or_null(n ? low : nan));
    hi.push_back(number_or_null(n ? high : nan));
  }
  return json{{"mean", mean}, {"lo", lo}, {"hi", hi}};
}

std::size_t index_of(const Daily& d, const std::string& column) {
  const auto it = std::find(d.columns.begin(), d.columns.end(), column);
  return static_cast<std::size_t>(it - d.columns.begin());  // == size when absent
}

// The sum over the days whose date (ISO text) is in [from, to] of `columns`, per replication.
std::vector<double> period_sums(const Daily& d, const std::vector<std::string>& columns, const std::string& from,
                                const std::string& to) {
  std::vector<double> sums(d.values.size(), 0.0);
  for (const auto& name : columns) {
    const std::size_t c = index_of(d, name);
    if (c == d.columns.size()) return {};
    for (std::size_t r = 0; r < d.values.size(); ++r)
      for (std::size_t day = 0; day < d.values[r].size() && day < d.dates.size(); ++day)
        if (d.dates[day] >= from && d.dates[day] <= to) sums[r] += d.values[r][day][c];
  }
  return sums;
}

json estimate_json(const std::vector<double>& values) {
  const output::Estimate e = output::estimate(values);
  return json{{"mean", number_or_null(e.mean)},
              {"low", number_or_null(e.mean - e.half_width)},
              {"high", number_or_null(e.mean + e.half_width)}};
}

json daily_json(const Daily& d) {
  json series = json::object();
  for (std::size_t c = 0; c < d.columns.size(); ++c)
    series[d.columns[c]] = band(d, [&](std::size_t r, std::size_t day) { return d.values[r][day][c]; });
  // Derived: all open tasks, and the day's people reached (call or SMS).
  const auto sum_of = [&](std::vector<std::string> names) {
    std::vector<std::size_t> at;
    for (const auto& n : names)
      if (index_of(d, n) < d.columns.size()) at.push_back(index_of(d, n));
    return [&d, at](std::size_t r, std::size_t day) {
      double s = 0;
      for (std::size_t c : at) s += d.values[r][day][c];
      return s;
    };
  };
  series["backlog.at_close"] = band(d, sum_of({"index.backlog_at_close", "contacts.backlog_at_close"}));
  series["sms.sent"] = band(d, sum_of({"index.sms_sent", "contacts.sms_sent"}));
  return json{{"dates", d.dates}, {"replications", d.values.size()}, {"series", series}};
}

// Month totals of every additive column, and occupancy (busy / staffed) per month.
json monthly_json(const Daily& d) {
  std::vector<std::string> months;
  for (const auto& date : d.dates)
    if (months.empty() || months.back() != date.substr(0, 7)) months.push_back(date.substr(0, 7));
  json columns = json::object();
  for (const auto& name : d.columns) {
    if (!is_additive(name)) continue;
    json per = json::array();
    for (const auto& m : months) per.push_back(estimate_json(period_sums(d, {name}, m + "-01", m + "-31")));
    columns[name] = per;
  }
  if (columns.contains("agents.busy_h") && columns.contains("agents.staffed_h")) {
    json per = json::array();
    for (const auto& m : months) {
      const auto busy = period_sums(d, {"agents.busy_h"}, m + "-01", m + "-31");
      const auto staffed = period_sums(d, {"agents.staffed_h"}, m + "-01", m + "-31");
      std::vector<double> ratio;
      for (std::size_t r = 0; r < busy.size(); ++r)
        ratio.push_back(staffed[r] > 0 ? busy[r] / staffed[r] : std::numeric_limits<double>::quiet_NaN());
      per.push_back(estimate_json(ratio));
    }
    columns["agents.occupancy"] = per;
  }
  return json{{"months", months}, {"columns", columns}};
}

// Each declared calibration target with the run's value: a period KPI summed
// from daily.csv, or a whole-run KPI from summary.json.
json targets_json(const scenario::Scenario& sc, const Daily& d, const json& summary) {
  json out = json::array();
  for (const auto& t : sc.calibration.targets) {
    json row{{"name", t.name},        {"kpi", t.kpi},           {"value", t.value},  {"tolerance", t.tolerance},
             {"relative", t.relative}, {"fit", t.fit},          {"source", t.source}};
    row["from"] = t.from ? json(kernel::iso_date(*t.from)) : json(nullptr);
    row["to"] = t.to ? json(kernel::iso_date(*t.to)) : json(nullptr);
    json model = nullptr;
    if (t.from || t.to) {
      const auto it = period_columns().find(t.kpi);
      if (it != period_columns().end()) {
        const auto sums = period_sums(d, it->second, t.from ? kernel::iso_date(*t.from) : std::string("0000"),
                                      t.to ? kernel::iso_date(*t.to) : std::string("9999"));
        if (!sums.empty()) model = estimate_json(sums);
      }
    } else if (summary.contains(t.kpi)) {
      const auto& k = summary[t.kpi];
      model = json{{"mean", k["mean"]}, {"low", k["ci95_low"]}, {"high", k["ci95_high"]}};
    }
    row["model"] = model;
    out.push_back(row);
  }
  return out;
}

// Occupancy by weekday (Monday first) and hour from intervals.csv: busy over
// on-shift agent time summed across the period's weeks; null where nobody works.
json heatmap_json(const std::filesystem::path& file) {
  const Table t = read_csv(file);
  const auto start = t.column("start");
  const auto shift = t.column("agents.on_shift");
  const auto busy = t.column("agents.busy");
  if (!start || !shift || !busy)
    throw scenario::InputError(file.string() + ": expected columns start, agents.on_shift, agents.busy");
  std::vector<double> busy_sum(7 * 24, 0.0), shift_sum(7 * 24, 0.0), halves(7 * 24, 0.0);
  std::string first, last;
  for (const auto& row : t.rows) {
    const std::string& when = row[*start];  // 2021-03-01T08:30
    kernel::Date d{};
    if (when.size() < 13 || !kernel::parse_iso_date(when.substr(0, 10), d)) continue;
    const auto cell = static_cast<std::size_t>(kernel::weekday_of(d) * 24 + std::stoi(when.substr(11, 2)));
    const double s = number(row[*shift]), b = number(row[*busy]);
    if (!std::isnan(s)) shift_sum[cell] += s;
    if (!std::isnan(b)) busy_sum[cell] += b;
    halves[cell] += 1;
    if (first.empty()) first = when.substr(0, 10);
    last = when.substr(0, 10);
  }
  json occupancy = json::array(), agents = json::array();
  for (std::size_t day = 0; day < 7; ++day) {
    json occ = json::array(), on = json::array();
    for (std::size_t h = 0; h < 24; ++h) {
      const std::size_t c = day * 24 + h;
      occ.push_back(shift_sum[c] > 0 ? json(busy_sum[c] / shift_sum[c]) : json(nullptr));
      on.push_back(halves[c] > 0 ? json(shift_sum[c] / halves[c]) : json(nullptr));
    }
    occupancy.push_back(occ);
    agents.push_back(on);
  }
  return json{{"from", first}, {"to", last}, {"occupancy", occupancy}, {"agents_on_shift", agents}};
}

// Per day of arrival, the share of resolved cases and contacts reached by their deadline.
json reach_json(const std::filesystem::path& file) {
  const Table t = read_csv(file);
  const auto col = [&](const char* name) {
    const auto c = t.column(name);
    if (!c) throw scenario::InputError(file.string() + ": no column " + name);
    return *c;
  };
  const std::size_t d = col("date"), index_share = col("index.reached_within_deadline"),
                    contacts_share = col("contacts.reached_within_deadline");
  json dates = json::array(), index = json::array(), contacts = json::array();
  for (const auto& row : t.rows) {
    dates.push_back(row[d]);
    index.push_back(number_or_null(number(row[index_share])));
    contacts.push_back(number_or_null(number(row[contacts_share])));
  }
  return json{{"dates", dates}, {"index", index}, {"contacts", contacts}};
}

}  // namespace

nlohmann::ordered_json run_data(const std::filesystem::path& dir) {
  const json summary = json::parse(read_text(dir / "summary.json"));
  const Daily d = read_daily(dir / "daily.csv");
  const scenario::Scenario sc = scenario::load_scenario(dir / "scenario.resolved.yaml");
  json kpis = json::array();
  for (const auto& [name, k] : summary["kpis"].items())
    kpis.push_back(json{{"name", name}, {"mean", k["mean"]}, {"low", k["ci95_low"]}, {"high", k["ci95_high"]},
                        {"n", k["n"]}});
  json pools = json::array();
  for (const auto& p : sc.platform.pools) pools.push_back(p.name);
  json data;
  data["kind"] = "run";
  data["metadata"] = summary["metadata"];
  data["scenario"] = json{{"name", sc.name},
                          {"description", sc.description},
                          {"start", kernel::iso_date(sc.platform.calendar.start)},
                          {"end", kernel::iso_date(sc.platform.calendar.end)},
                          {"pools", pools}};
  data["confidence"] = summary.value("confidence", 0.95);
  data["kpis"] = kpis;
  data["daily"] = daily_json(d);
  data["monthly"] = monthly_json(d);
  data["targets"] = targets_json(sc, d, summary["kpis"]);
  json missing = json::array();
  if (std::filesystem::exists(dir / "intervals.csv")) {
    data["heatmap"] = heatmap_json(dir / "intervals.csv");
  } else {
    missing.push_back("Occupancy by hour of day and weekday: no intervals.csv (run with --intervals or --report).");
  }
  if (std::filesystem::exists(dir / "reach_by_arrival_day.csv")) {
    data["reach"] = reach_json(dir / "reach_by_arrival_day.csv");
  } else {
    missing.push_back("Reach within the deadline per day: no reach_by_arrival_day.csv (run with --intervals or --report).");
  }
  data["missing"] = missing;
  return data;
}

}  // namespace tracesim::report::detail
