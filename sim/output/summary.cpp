// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/summary.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

#include "tracesim/output/statistics.hpp"

namespace tracesim::output {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double share(std::uint64_t num, std::uint64_t den) {
  return den == 0 ? kNaN : static_cast<double>(num) / static_cast<double>(den);
}

double hours(std::int64_t ms) { return static_cast<double>(ms) / 3'600'000.0; }

// The shares are of every task handled: those arrived and those open at the start.
void task_kpis(std::vector<Kpi>& out, const std::string& p, const model::TaskTotals& t) {
  const std::uint64_t reached = t.reached_call + t.reached_sms;
  const std::uint64_t handled = t.arrived + t.initial;
  out.push_back({p + ".arrived", static_cast<double>(t.arrived)});
  out.push_back({p + ".reached_by_call", static_cast<double>(t.reached_call)});
  out.push_back({p + ".reached_by_sms", static_cast<double>(t.reached_sms)});
  out.push_back({p + ".reached", static_cast<double>(reached)});
  out.push_back({p + ".not_reached", static_cast<double>(t.not_reached)});
  out.push_back({p + ".pending", static_cast<double>(t.pending)});
  out.push_back({p + ".reached_within_12h", share(t.reached_within_12h, handled)});
  out.push_back({p + ".reached_within_24h", share(t.reached_within_24h, handled)});
  out.push_back({p + ".reached_within_deadline", share(t.reached_within_deadline, handled)});
  out.push_back({p + ".reached_ever", share(reached, handled)});
  out.push_back({p + ".reached_by_sms_share", share(t.reached_sms, handled)});
  out.push_back({p + ".time_to_reach_mean_h",
                 t.reach_times.count ? hours(t.reach_times.sum_ms) / static_cast<double>(t.reach_times.count) : kNaN});
  for (const auto& [name, q] : {std::pair{"p50", 0.5}, std::pair{"p90", 0.9}, std::pair{"p95", 0.95}})
    out.push_back({p + ".time_to_reach_" + name + "_h",
                   t.reach_times.count ? t.reach_times.quantile_minutes(q) / 60.0 : kNaN});
  const model::ReachTimes& first = t.first_call_times;
  out.push_back({p + ".time_to_first_call_mean_h",
                 first.count ? hours(first.sum_ms) / static_cast<double>(first.count) : kNaN});
  for (const auto& [name, q] : {std::pair{"p50", 0.5}, std::pair{"p90", 0.9}})
    out.push_back({p + ".time_to_first_call_" + name + "_h", first.count ? first.quantile_minutes(q) / 60.0 : kNaN});
  out.push_back({p + ".attempts", static_cast<double>(t.attempts)});
  out.push_back({p + ".connected", static_cast<double>(t.connected)});
  out.push_back({p + ".sms_sent", static_cast<double>(t.sms_sent)});
}

// Contacts over every contact the arrived index cases would name, interviewed or
// not: one never named (its index case unreached, or reached by SMS without
// declaring it) counts as not reached, so fewer staff cannot raise these shares.
void named_kpis(std::vector<Kpi>& out, const model::TaskTotals& t) {
  out.push_back({"contacts.named", static_cast<double>(t.named)});
  out.push_back({"contacts.named_reached_within_12h", share(t.reached_within_12h, t.named)});
  out.push_back({"contacts.named_reached_within_24h", share(t.reached_within_24h, t.named)});
  out.push_back({"contacts.named_reached_within_deadline", share(t.reached_within_deadline, t.named)});
  out.push_back({"contacts.named_reached_ever", share(t.reached_call + t.reached_sms, t.named)});
  out.push_back({"contacts.named_reached_by_sms_share", share(t.reached_sms, t.named)});
}

// Overload: stale work, reported only when a stale rule is set (so that other
// scenarios' outputs keep their columns).
void stale_kpis(std::vector<Kpi>& out, const std::string& p, const model::TaskTotals& t) {
  out.push_back({p + ".stale_dropped", static_cast<double>(t.stale_dropped)});
  out.push_back({p + ".stale_to_sms", static_cast<double>(t.stale_to_sms)});
  out.push_back({p + ".to_national", static_cast<double>(t.to_national)});
}

// Outcomes of reached calls, reported only when an outcome share is set (so that
// other scenarios' outputs keep their columns).
void outcome_kpis(std::vector<Kpi>& out, const std::string& p, const model::TaskTotals& t) {
  out.push_back({p + ".appointments", static_cast<double>(t.appointments)});
  out.push_back({p + ".appointments_per_reached_call", share(t.appointments, t.reached_call)});
}

// Back-office work, reported only when kinds are declared (so that other
// scenarios' outputs keep their columns).
void back_office_kpis(std::vector<Kpi>& out, const model::BackOfficeTotals& b, bool initial_state) {
  if (initial_state) out.push_back({"back_office.initial_open", static_cast<double>(b.initial)});
  out.push_back({"back_office.created", static_cast<double>(b.created)});
  out.push_back({"back_office.done", static_cast<double>(b.done)});
  out.push_back({"back_office.done_late", static_cast<double>(b.done_late)});
  out.push_back({"back_office.pending", static_cast<double>(b.pending)});
  out.push_back({"back_office.done_on_time_share", share(b.done - b.done_late, b.created + b.initial)});
  out.push_back({"back_office.work_h", hours(b.work_ms)});
}

}  // namespace

std::string csv_number(double v) {
  if (std::isnan(v)) return "";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::vector<Kpi> kpis(const model::RunResult& r) {
  std::vector<Kpi> out;
  task_kpis(out, "index", r.tasks[0]);
  task_kpis(out, "contacts", r.tasks[1]);
  named_kpis(out, r.tasks[1]);
  if (r.stale_rules) {
    stale_kpis(out, "index", r.tasks[0]);
    stale_kpis(out, "contacts", r.tasks[1]);
  }
  if (r.outcomes) {
    outcome_kpis(out, "index", r.tasks[0]);
    outcome_kpis(out, "contacts", r.tasks[1]);
  }
  if (r.initial_state) {  // open at the start (an initial state, or a snapshot continued)
    out.push_back({"index.initial_open", static_cast<double>(r.tasks[0].initial)});
    out.push_back({"contacts.initial_open", static_cast<double>(r.tasks[1].initial)});
  }
  out.push_back({"people.arrived", static_cast<double>(r.tasks[0].arrived + r.tasks[1].arrived)});
  out.push_back({"people.reached", static_cast<double>(r.tasks[0].reached_call + r.tasks[0].reached_sms +
                                                       r.tasks[1].reached_call + r.tasks[1].reached_sms)});
  const double attempts = static_cast<double>(r.tasks[0].attempts + r.tasks[1].attempts);
  out.push_back({"calls.attempts", attempts});
  out.push_back({"calls.connected", static_cast<double>(r.tasks[0].connected + r.tasks[1].connected)});
  std::uint64_t open_days = 0;
  std::uint64_t working_days = 0;
  std::uint32_t max_backlog = 0;
  double backlog_sum = 0;
  // The days after the warm-up (all of them without one): the totals cover only those.
  const std::size_t first = std::min<std::size_t>(r.warm_up_days, r.days.size());
  const std::size_t measured = r.days.size() - first;
  for (std::size_t i = first; i < r.days.size(); ++i) {
    const model::DayStats& d = r.days[i];
    open_days += d.staffed_ms > 0 ? 1 : 0;
    working_days += d.working_day ? 1 : 0;
    const std::uint32_t b = d.backlog_at_close[0] + d.backlog_at_close[1];
    max_backlog = std::max(max_backlog, b);
    backlog_sum += b;
  }
  out.push_back({"calls.attempts_per_staffed_day", open_days ? attempts / static_cast<double>(open_days) : kNaN});
  out.push_back({"calls.attempts_per_day", measured == 0 ? kNaN : attempts / static_cast<double>(measured)});
  out.push_back(
      {"calls.attempts_per_working_day", working_days ? attempts / static_cast<double>(working_days) : kNaN});
  out.push_back({"sms.sent", static_cast<double>(r.tasks[0].sms_sent + r.tasks[1].sms_sent)});
  out.push_back({"backlog.max_at_close", static_cast<double>(max_backlog)});
  out.push_back({"backlog.mean_at_close", measured == 0 ? kNaN : backlog_sum / static_cast<double>(measured)});
  if (r.back_office_kinds) back_office_kpis(out, r.back_office, r.initial_state);
  std::int64_t staffed = 0;
  std::int64_t busy = 0;
  std::int64_t overtime = 0;
  for (const auto& p : r.pools) {
    out.push_back({"pools." + p.name + ".staffed_h", hours(p.staffed_ms)});
    out.push_back({"pools." + p.name + ".occupancy",
                   p.staffed_ms ? static_cast<double>(p.busy_ms) / static_cast<double>(p.staffed_ms) : kNaN});
    out.push_back({"pools." + p.name + ".overtime_h", hours(p.overtime_ms)});
    out.push_back({"pools." + p.name + ".inbound_answered", static_cast<double>(p.inbound_answered)});
    out.push_back({"pools." + p.name + ".active_days", static_cast<double>(p.active_days)});
    staffed += p.staffed_ms;
    busy += p.busy_ms;
    overtime += p.overtime_ms;
  }
  out.push_back({"agents.staffed_h", hours(staffed)});
  out.push_back({"agents.occupancy", staffed ? static_cast<double>(busy) / static_cast<double>(staffed) : kNaN});
  out.push_back({"agents.overtime_h", hours(overtime)});
  const model::InboundTotals& in = r.inbound;
  const std::uint64_t entered = in.offered - in.refused_closed;
  out.push_back({"inbound.offered", static_cast<double>(in.offered)});
  out.push_back({"inbound.answered", static_cast<double>(in.answered)});
  out.push_back({"inbound.abandoned", static_cast<double>(in.abandoned)});
  out.push_back({"inbound.refused_closed", static_cast<double>(in.refused_closed)});
  out.push_back({"inbound.waiting_at_horizon", static_cast<double>(in.waiting_at_horizon)});
  out.push_back({"inbound.answer_rate", share(in.answered, in.offered)});
  out.push_back({"inbound.abandon_rate", share(in.abandoned, entered)});
  out.push_back({"inbound.wait_probability", share(in.waited + in.abandoned + in.waiting_at_horizon, entered)});
  out.push_back({"inbound.service_level", share(in.answered_within_threshold, entered)});
  out.push_back({"inbound.mean_wait_answered_s",
                 in.answered ? static_cast<double>(in.wait_answered_ms) / 1000.0 / static_cast<double>(in.answered) : kNaN});
  out.push_back({"inbound.mean_wait_s",
                 entered ? static_cast<double>(in.wait_all_ms) / 1000.0 / static_cast<double>(entered) : kNaN});
  out.push_back({"inbound.p90_wait_answered_s", in.answered ? in.answered_waits.quantile_seconds(0.9) : kNaN});
  out.push_back({"inbound.mean_queue_length",
                 in.horizon_ms ? in.queue_area_ms / static_cast<double>(in.horizon_ms) : kNaN});
  out.push_back({"inbound.arrival_rate_per_h",
                 in.horizon_ms ? static_cast<double>(entered) * 3'600'000.0 / static_cast<double>(in.horizon_ms) : kNaN});
  out.push_back({"run.events", static_cast<double>(r.events)});
  return out;
}

std::string fnv1a_hex(const std::string& text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {
nlohmann::ordered_json meta_object(const RunMeta& m) {
  nlohmann::ordered_json j;
  j["tracesim_version"] = m.tracesim_version;
  j["scenario"] = m.scenario_name;
  j["scenario_file"] = m.scenario_file;
  j["scenario_hash"] = m.scenario_hash;
  j["schema_version"] = m.schema_version;
  j["seed"] = m.seed;
  j["replications"] = m.replications;
  j["boost_version"] = m.boost_version;
  j["compiler"] = m.compiler;
  return j;
}

nlohmann::ordered_json number(double v) {
  if (std::isnan(v) || std::isinf(v)) return nullptr;
  return v;
}
}  // namespace

std::string metadata_json(const RunMeta& meta) { return meta_object(meta).dump(2) + "\n"; }

std::string summary_json(const RunMeta& meta, const std::vector<model::RunResult>& results) {
  nlohmann::ordered_json j;
  j["metadata"] = meta_object(meta);
  j["confidence"] = 0.95;
  nlohmann::ordered_json k = nlohmann::ordered_json::object();
  std::vector<std::vector<Kpi>> per;
  per.reserve(results.size());
  for (const auto& r : results) per.push_back(kpis(r));
  if (!per.empty()) {
    for (std::size_t i = 0; i < per.front().size(); ++i) {
      std::vector<double> values;
      for (const auto& p : per) values.push_back(p[i].value);
      const Estimate e = estimate(values);
      nlohmann::ordered_json entry;
      entry["mean"] = number(e.mean);
      entry["sd"] = number(e.sd);
      entry["ci95_low"] = number(e.mean - e.half_width);
      entry["ci95_high"] = number(e.mean + e.half_width);
      entry["n"] = e.n;
      nlohmann::ordered_json vals = nlohmann::ordered_json::array();
      for (double v : values) vals.push_back(number(v));
      entry["replications"] = vals;
      k[per.front()[i].name] = entry;
    }
  }
  j["kpis"] = k;
  return j.dump(2) + "\n";
}

std::string daily_csv(const std::vector<model::RunResult>& results) {
  std::string out =
      "replication,date,index.arrived,contacts.arrived,index.attempts,contacts.attempts,index.connected,"
      "contacts.connected,index.reached_by_call,contacts.reached_by_call,index.reached_by_sms,"
      "contacts.reached_by_sms,index.not_reached,contacts.not_reached,index.sms_sent,contacts.sms_sent,"
      "index.backlog_at_close,contacts.backlog_at_close,agents.staffed_h,agents.busy_h,agents.occupancy,agents.overtime_h,"
      "inbound.offered,inbound.answered,inbound.abandoned,inbound.refused_closed,inbound.answer_rate,"
      "inbound.service_level,inbound.mean_wait_answered_s";
  const bool stale = !results.empty() && results.front().stale_rules;
  if (stale) out += ",index.stale_dropped,contacts.stale_dropped,index.stale_to_sms,contacts.stale_to_sms,"
                    "index.to_national,contacts.to_national";
  const bool outcomes = !results.empty() && results.front().outcomes;
  if (outcomes) out += ",index.appointments,contacts.appointments";
  const bool back_office = !results.empty() && results.front().back_office_kinds;
  if (back_office) out += ",back_office.created,back_office.done,back_office.done_late";
  const bool warm_up = !results.empty() && results.front().warm_up_days > 0;
  if (warm_up) out += ",run.warm_up";
  out += "\n";
  for (std::size_t r = 0; r < results.size(); ++r) {
    for (std::size_t day = 0; day < results[r].days.size(); ++day) {
      const model::DayStats& d = results[r].days[day];
      out += std::to_string(r) + "," + kernel::iso_date(d.date);
      for (const auto* arr : {&d.arrived, &d.attempts, &d.connected, &d.reached_call, &d.reached_sms,
                              &d.not_reached, &d.sms_sent, &d.backlog_at_close})
        out += "," + std::to_string((*arr)[0]) + "," + std::to_string((*arr)[1]);
      out += "," + csv_number(hours(d.staffed_ms)) + "," + csv_number(hours(d.busy_ms)) + "," +
             csv_number(d.staffed_ms ? static_cast<double>(d.busy_ms) / static_cast<double>(d.staffed_ms) : kNaN) +
             "," + csv_number(hours(d.overtime_ms)) + "," + std::to_string(d.inbound_offered) + "," +
             std::to_string(d.inbound_answered) + "," + std::to_string(d.inbound_abandoned) + "," +
             std::to_string(d.inbound_refused_closed) + "," + csv_number(share(d.inbound_answered, d.inbound_offered)) +
             "," + csv_number(share(d.inbound_answered_within_threshold, d.inbound_offered - d.inbound_refused_closed)) +
             "," +
             csv_number(d.inbound_answered ? static_cast<double>(d.inbound_wait_answered_ms) / 1000.0 /
                                                 static_cast<double>(d.inbound_answered)
                                           : kNaN);
      if (stale)
        for (const auto* arr : {&d.stale_dropped, &d.stale_to_sms, &d.to_national})
          out += "," + std::to_string((*arr)[0]) + "," + std::to_string((*arr)[1]);
      if (outcomes) out += "," + std::to_string(d.appointments[0]) + "," + std::to_string(d.appointments[1]);
      if (back_office)
        out += "," + std::to_string(d.back_office_created) + "," + std::to_string(d.back_office_done) + "," +
               std::to_string(d.back_office_done_late);
      if (warm_up) out += day < results[r].warm_up_days ? ",1" : ",0";
      out += "\n";
    }
  }
  return out;
}

std::string replications_csv(const std::vector<model::RunResult>& results) {
  std::string out = "replication";
  if (results.empty()) return out + "\n";
  for (const Kpi& k : kpis(results.front())) out += "," + k.name;
  out += "\n";
  for (std::size_t r = 0; r < results.size(); ++r) {
    out += std::to_string(r);
    for (const Kpi& k : kpis(results[r])) out += "," + csv_number(k.value);
    out += "\n";
  }
  return out;
}

std::string console_table(const std::vector<model::RunResult>& results) {
  if (results.empty()) return "";
  std::vector<std::vector<Kpi>> per;
  for (const auto& r : results) per.push_back(kpis(r));
  static const char* const kShown[] = {
      "index.arrived", "index.reached_within_24h", "index.reached_ever", "contacts.arrived",
      "contacts.reached_within_12h", "contacts.reached_within_24h", "contacts.reached_ever",
      "contacts.time_to_reach_mean_h", "contacts.time_to_reach_p90_h", "calls.attempts",
      "calls.attempts_per_staffed_day", "sms.sent", "backlog.max_at_close", "agents.occupancy",
      "agents.overtime_h", "inbound.offered", "inbound.answer_rate", "inbound.service_level",
      "inbound.mean_wait_answered_s"};
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-34s %14s %14s\n", "KPI", "mean", "95% CI +/-");
  out += line;
  for (const char* name : kShown) {
    for (std::size_t i = 0; i < per.front().size(); ++i) {
      if (per.front()[i].name != name) continue;
      std::vector<double> values;
      for (const auto& p : per) values.push_back(p[i].value);
      const Estimate e = estimate(values);
      std::snprintf(line, sizeof line, "%-34s %14.4f %14.4f\n", name, e.mean, e.half_width);
      out += line;
    }
  }
  return out;
}

}  // namespace tracesim::output
