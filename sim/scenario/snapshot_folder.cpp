// SPDX-License-Identifier: Apache-2.0
// A snapshot folder written by run --snapshot-at: per replication its open
// tasks (initial_state_csv.cpp), its pending events in order and its run-level
// state, read strictly with located diagnostics.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "csv_table.hpp"

namespace tracesim::scenario::detail {
namespace {

void read_events(std::istream& in, const std::string& name, const Context& ctx, model::InitialState& s,
                 Diagnostics& diags) {
  Table t{in, name, diags};
  const std::vector<std::string> cols{"at",  "phase",       "event",       "task",
                                      "day", "call_origin", "call_engine", "call_retrials"};
  if (!t.header(cols, {})) return;
  std::set<std::uint64_t> ids;
  for (const auto& o : s.tasks) ids.insert(o.id);
  std::optional<std::pair<SimTime, kernel::Phase>> last;
  while (t.row()) {
    model::PendingEvent e;
    bool good = true;
    const auto bad = [&](const std::string& col, const std::string& msg) {
      t.fail_in(col, msg);
      good = false;
    };
    const auto at = date_time(t.get("at"), ctx.config.calendar.start);
    if (!at)
      bad("at", "expected " + kDateTime + ", got '" + t.get("at") + "'");
    else if (*at < *ctx.midnight)
      bad("at", "before the snapshot's midnight");
    const auto phase = model::value_of(model::kPhaseWords, t.get("phase"));
    if (!phase) bad("phase", "expected " + model::one_of(model::kPhaseWords) + ", got '" + t.get("phase") + "'");
    const auto kind = model::value_of(model::kPendingKindWords, t.get("event"));
    if (!kind) {
      bad("event", "unknown event '" + t.get("event") + "': expected " + model::one_of(model::kPendingKindWords));
      continue;
    }
    if (!good) continue;
    e.at = *at;
    e.phase = *phase;
    e.kind = *kind;
    if (last && std::pair{e.at, e.phase} < *last) {
      t.fail_in("at", "events must be listed in the order they run (time, then phase)");
      continue;
    }
    last = std::pair{e.at, e.phase};
    const bool task_event = e.kind <= model::PendingKind::TaskStale;
    const std::string task = t.get("task");
    std::optional<std::uint64_t> id;
    if (!task.empty()) {
      id = whole(task, UINT64_MAX - 1);
      if (!id || !ids.count(*id)) bad("task", "no task " + task + " in the snapshot's tasks");
    } else if (task_event) {
      bad("task", "required for " + t.get("event"));
    }
    if (e.kind == model::PendingKind::DayClose) {
      const auto day = whole(t.get("day"), 100000);
      if (!day)
        bad("day", "expected the day's number, got '" + t.get("day") + "'");
      else
        e.day = static_cast<std::uint32_t>(*day);
    }
    if (e.kind == model::PendingKind::Call) {
      model::PendingCall c;
      const auto origin = model::value_of(model::kCallOriginWords, t.get("call_origin"));
      const auto engine = whole(t.get("call_engine"), UINT64_MAX);
      const auto retrials = whole(t.get("call_retrials"), 1000);
      if (!origin)
        bad("call_origin",
            "unknown caller '" + t.get("call_origin") + "': expected " + model::one_of(model::kCallOriginWords));
      if (!engine) bad("call_engine", "expected a whole number, got '" + t.get("call_engine") + "'");
      if (!retrials)
        bad("call_retrials", "expected a whole number from 0 to 1000, got '" + t.get("call_retrials") + "'");
      if (!good) continue;
      c.origin = *origin;
      c.engine = *engine;
      c.retrials = static_cast<std::uint16_t>(*retrials);
      c.task = id;
      e.call = static_cast<std::uint32_t>(s.calls.size());
      s.calls.push_back(c);
    }
    if (!good) continue;
    if (task_event) e.task = *id;
    s.events.push_back(e);
  }
}

// The back-office items waiting, in the order they were born.
void read_back_office(std::istream& in, const std::string& name, const Context& ctx, model::InitialState& s,
                      Diagnostics& diags) {
  Table t{in, name, diags};
  if (!t.header({"created", "deadline", "work_ms", "kind"}, {})) return;
  const auto& kinds = ctx.config.back_office;
  while (t.row()) {
    model::PendingBackOffice b;
    const auto created = date_time(t.get("created"), ctx.config.calendar.start);
    const auto deadline = date_time(t.get("deadline"), ctx.config.calendar.start);
    const auto work = whole(t.get("work_ms"), std::uint64_t{1} << 40);
    const auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.name == t.get("kind"); });
    if (!created || *created > *ctx.midnight) {
      t.fail_in("created",
                "expected " + kDateTime + " not after the snapshot's midnight, got '" + t.get("created") + "'");
    } else if (!deadline || *deadline < *created) {
      t.fail_in("deadline", "expected " + kDateTime + " not before created, got '" + t.get("deadline") + "'");
    } else if (!work) {
      t.fail_in("work_ms", "expected a whole number of milliseconds, got '" + t.get("work_ms") + "'");
    } else if (kind == kinds.end()) {
      t.fail_in("kind", "no back-office kind named '" + t.get("kind") + "' in the scenario");
    } else {
      b.created = *created;
      b.deadline = *deadline;
      b.work = kernel::Duration{static_cast<std::int64_t>(*work)};
      b.kind = static_cast<std::uint16_t>(kind - kinds.begin());
      s.back_office.push_back(b);
    }
  }
}

// The run-level state: `field,value` rows, every field once.
// The value `v` of run-level field `f` (known, and seen once), into `run`.
void read_run_field(Table& t, const model::PlatformConfig& config, const std::string& f, const std::string& v,
                    model::RunState& run) {
  const auto number = [&](std::uint64_t& out) {
    if (const auto n = whole(v, UINT64_MAX))
      out = *n;
    else
      t.fail_in("value", f + ": expected a whole number, got '" + v + "'");
  };
  const auto real = [&](double& out) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size() || !std::isfinite(d))
      t.fail_in("value", f + ": expected a number, got '" + v + "'");
    else
      out = d;
  };
  const auto engine = [&](std::mt19937_64& out) {
    std::istringstream text(v);
    text >> out;
    if (!text || !(text >> std::ws).eof())
      t.fail_in("value", f + ": expected the engine's state (312 words and a position)");
  };
  if (f == "seed")
    number(run.seed);
  else if (f == "replication")
    number(run.replication);
  else if (f == "next_case")
    number(run.next_case);
  else if (f == "next_call")
    number(run.next_call);
  else if (f == "inbound_exact_ms")
    real(run.inbound_exact_ms);
  else if (f == "day_counts")
    engine(run.day_counts);
  else if (f == "inbound_counts")
    engine(run.inbound_counts);
  else if (f == "calendar_start") {
    kernel::Date d;
    if (!kernel::parse_iso_date(v, d))
      t.fail_in("value", "calendar_start: expected an ISO date, got '" + v + "'");
    else if (d != config.calendar.start)
      t.fail_in("value", "the snapshot counts its times from calendar.start " + v + "; the scenario starts on " +
                             kernel::iso_date(config.calendar.start) + ": continue it with the same start");
  } else if (f == "day") {
    kernel::Date d;
    if (!kernel::parse_iso_date(v, d))
      t.fail_in("value", "day: expected an ISO date, got '" + v + "'");
    else
      run.day = d.days - config.calendar.start.days;
  } else if (f == "sms_free_at") {
    if (const auto at = date_time(v, config.calendar.start))
      run.sms_free_at = *at;
    else
      t.fail_in("value", f + ": expected " + kDateTime + ", got '" + v + "'");
  } else if (f.rfind("active_from.", 0) == 0) {
    const auto p =
        static_cast<std::size_t>(std::find_if(config.pools.begin(), config.pools.end(),
                                              [&](const auto& pool) { return "active_from." + pool.name == f; }) -
                                 config.pools.begin());
    if (v.empty()) return;
    if (const auto at = date_time(v, config.calendar.start))
      run.pool_active_from[p] = *at;
    else
      t.fail_in("value", f + ": expected " + kDateTime + " or nothing, got '" + v + "'");
  } else {
    for (std::size_t p = 0; p < config.pools.size(); ++p)
      for (std::size_t s = 0; s < config.pools[p].shifts.size(); ++s)
        if (f == "shift_carry." + config.pools[p].name + "." + config.pools[p].shifts[s].name)
          real(run.shift_carry[p][s]);
  }
}

void read_run(std::istream& in, const std::string& name, const model::PlatformConfig& config, model::RunState& run,
              Diagnostics& diags) {
  Table t{in, name, diags};
  if (!t.header({"field", "value"}, {})) return;
  std::map<std::string, int> seen;
  std::set<std::string> expected{"calendar_start", "seed",          "replication",      "day",
                                 "next_case",      "next_call",     "inbound_exact_ms", "sms_free_at",
                                 "day_counts",     "inbound_counts"};
  run.shift_carry.resize(config.pools.size());
  run.pool_active_from.resize(config.pools.size());
  for (std::size_t p = 0; p < config.pools.size(); ++p) {
    run.shift_carry[p].assign(config.pools[p].shifts.size(), 0.0);
    expected.insert("active_from." + config.pools[p].name);
    for (const auto& s : config.pools[p].shifts) expected.insert("shift_carry." + config.pools[p].name + "." + s.name);
  }
  while (t.row()) {
    const std::string f = t.get("field");
    const std::string v = t.get("value");
    if (!expected.count(f)) {
      t.fail_in("field", "unknown field '" + f + "' (or a pool or shift the scenario does not have)");
      continue;
    }
    if (!seen.emplace(f, t.line()).second) {
      t.fail_in("field", "'" + f + "' appears twice");
      continue;
    }
    read_run_field(t, config, f, v, run);
  }
  for (const auto& f : expected)
    if (!seen.count(f)) diags.push_back(Diagnostic{name, 0, 0, "", "missing the field '" + f + "'"});
}

}  // namespace

void read_snapshot_folder(const std::filesystem::path& dir, const model::PlatformConfig& config,
                          model::InitialStates& out, Diagnostics& diags) {
  out.per_replication = true;
  const std::int32_t days = config.calendar.end.days - config.calendar.start.days + 1;
  for (std::size_t r = 0;; ++r) {
    const std::string stem = "replication-" + std::to_string(r);
    if (!std::filesystem::exists(dir / (stem + ".csv"))) break;
    const std::size_t before = diags.size();
    model::RunState run;
    std::ifstream in;
    const auto run_file = dir / (stem + ".run.csv");
    if (open_file(run_file, in, diags)) read_run(in, run_file.string(), config, run, diags);
    if (diags.size() > before) return;
    if (r == 0) out.first_day = run.day;
    if (run.day != out.first_day || run.day <= 0 || run.day >= days) {
      diags.push_back(
          Diagnostic{run_file.string(), 0, 0, "",
                     run.day <= 0 || run.day >= days
                         ? "the snapshot's day is not after the first day of the scenario's calendar and within it"
                         : "the snapshot's day differs from replication 0's"});
      return;
    }
    const Context ctx{config, SimTime{kernel::kDay * run.day}};
    std::ifstream tasks_in;
    if (!open_file(dir / (stem + ".csv"), tasks_in, diags)) return;
    model::InitialState s = read_tasks(tasks_in, (dir / (stem + ".csv")).string(), ctx, true, diags);
    std::ifstream events_in;
    const auto events_file = dir / (stem + ".events.csv");
    if (diags.size() == before && open_file(events_file, events_in, diags))
      read_events(events_in, events_file.string(), ctx, s, diags);
    const auto office_file = dir / (stem + ".back_office.csv");
    std::ifstream office_in;
    if (diags.size() == before && std::filesystem::exists(office_file) && open_file(office_file, office_in, diags))
      read_back_office(office_in, office_file.string(), ctx, s, diags);
    if (diags.size() > before) return;
    s.run = std::move(run);
    out.replications.push_back(std::move(s));
  }
  if (out.replications.empty())
    diags.push_back(Diagnostic{dir.string(), 0, 0, "", "not a snapshot folder: no replication-0.csv in it"});
}

}  // namespace tracesim::scenario::detail
