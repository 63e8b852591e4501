// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/snapshot.hpp"

#include <cstdio>
#include <sstream>

#include "tracesim/output/atomic_file.hpp"

namespace tracesim::output {
namespace {

// Milliseconds from 00:00 of `start` as YYYY-MM-DDTHH:MM:SS.mmm (before the start too).
std::string date_time(model::SimTime t, kernel::Date start) {
  const std::int64_t ms = kernel::ms_of(t);
  const std::int64_t day_ms = kernel::kDay.count();
  const std::int64_t day = ms >= 0 ? ms / day_ms : -((-ms + day_ms - 1) / day_ms);
  const std::int64_t in_day = ms - day * day_ms;
  char clock[32];
  std::snprintf(clock, sizeof clock, "T%02d:%02d:%02d.%03d", static_cast<int>(in_day / 3'600'000),
                static_cast<int>(in_day / 60'000 % 60), static_cast<int>(in_day / 1000 % 60),
                static_cast<int>(in_day % 1000));
  return kernel::iso_date(kernel::Date{static_cast<std::int32_t>(start.days + day)}) + clock;
}

std::string exact_number(double v) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", v);  // reads back to the same double
  return text;
}

}  // namespace

std::string snapshot_tasks_csv(const model::InitialState& s, const model::PlatformConfig& config) {
  const kernel::Date start = config.calendar.start;
  std::string out =
      "id,type,identified,attempts,last_attempt,deadline,segment,contacts_listed,contacts_to_list,state,key,engine,"
      "inbound_first,queue\n";
  for (const model::OpenTask& t : s.tasks) {
    out += std::to_string(t.id) + "," + (t.type == model::TaskType::IndexInterview ? "index" : "contact") + "," +
           date_time(t.identified, start) + "," + std::to_string(t.attempts) + "," +
           (t.last_attempt ? date_time(*t.last_attempt, start) : "") + "," +
           (t.deadline ? date_time(*t.deadline, start) : "") + "," + config.index_cases.segments[t.segment].name + "," +
           std::to_string(t.contacts_listed) + "," + std::to_string(t.contacts_to_list);
    if (t.exact) {
      const model::TaskExact& e = *t.exact;
      out += std::string{","} + std::string{model::word_of(model::kOpenStateWords, e.state)} + "," +
             std::to_string(e.key) + "," + std::to_string(e.engine) + "," + (e.inbound_first ? "1" : "0") + "," +
             (e.queue_position ? std::to_string(*e.queue_position) : "");
    } else {
      out += ",,,,,";
    }
    out += "\n";
  }
  return out;
}

std::string snapshot_events_csv(const model::InitialState& s, const model::PlatformConfig& config) {
  std::string out = "at,phase,event,task,day,call_origin,call_engine,call_retrials\n";
  for (const model::PendingEvent& e : s.events) {
    out += date_time(e.at, config.calendar.start) + "," + std::string{model::word_of(model::kPhaseWords, e.phase)} +
           "," + std::string{model::word_of(model::kPendingKindWords, e.kind)} + ",";
    const bool task_event = e.kind <= model::PendingKind::TaskStale;
    if (e.kind == model::PendingKind::Call) {
      const model::PendingCall& c = s.calls[e.call];
      out += (c.task ? std::to_string(*c.task) : "") + ",," +
             std::string{model::word_of(model::kCallOriginWords, c.origin)} + "," + std::to_string(c.engine) + "," +
             std::to_string(c.retrials);
    } else {
      out += (task_event ? std::to_string(e.task) : "") + "," +
             (e.kind == model::PendingKind::DayClose ? std::to_string(e.day) : "") + ",,,";
    }
    out += "\n";
  }
  return out;
}

std::string snapshot_back_office_csv(const model::InitialState& s, const model::PlatformConfig& config) {
  std::string out = "created,deadline,work_ms,kind\n";
  for (const model::PendingBackOffice& b : s.back_office)
    out += date_time(b.created, config.calendar.start) + "," + date_time(b.deadline, config.calendar.start) + "," +
           std::to_string(b.work.count()) + "," + config.back_office[b.kind].name + "\n";
  return out;
}

std::string snapshot_run_csv(const model::InitialState& s, const model::PlatformConfig& config) {
  std::string out = "field,value\n";
  if (!s.run) return out;
  const model::RunState& r = *s.run;
  const kernel::Date start = config.calendar.start;
  const auto engine = [](const std::mt19937_64& e) {
    std::ostringstream text;
    text << e;  // the standard's text form: 312 words and the position, exact
    return text.str();
  };
  out += "seed," + std::to_string(r.seed) + "\n";
  out += "replication," + std::to_string(r.replication) + "\n";
  out += "calendar_start," + kernel::iso_date(start) + "\n";  // times count from it
  out += "day," + kernel::iso_date(kernel::Date{start.days + r.day}) + "\n";
  out += "next_case," + std::to_string(r.next_case) + "\n";
  out += "next_call," + std::to_string(r.next_call) + "\n";
  out += "inbound_exact_ms," + exact_number(r.inbound_exact_ms) + "\n";
  out += "sms_free_at," + date_time(r.sms_free_at, start) + "\n";
  for (std::size_t p = 0; p < config.pools.size() && p < r.shift_carry.size(); ++p) {
    for (std::size_t k = 0; k < config.pools[p].shifts.size() && k < r.shift_carry[p].size(); ++k)
      out += "shift_carry." + config.pools[p].name + "." + config.pools[p].shifts[k].name + "," +
             exact_number(r.shift_carry[p][k]) + "\n";
    const auto& from = r.pool_active_from[p];
    out += "active_from." + config.pools[p].name + "," + (from ? date_time(*from, start) : "") + "\n";
  }
  out += "day_counts," + engine(r.day_counts) + "\n";
  out += "inbound_counts," + engine(r.inbound_counts) + "\n";
  return out;
}

void write_snapshot(const std::filesystem::path& folder, std::size_t replication, const model::Snapshot& snapshot,
                    const model::PlatformConfig& config) {
  const std::filesystem::path dir = folder / kernel::iso_date(snapshot.date);
  std::filesystem::create_directories(dir);
  const std::string stem = "replication-" + std::to_string(replication);
  write_file_atomic(dir / (stem + ".csv"), snapshot_tasks_csv(snapshot.state, config));
  write_file_atomic(dir / (stem + ".events.csv"), snapshot_events_csv(snapshot.state, config));
  write_file_atomic(dir / (stem + ".back_office.csv"), snapshot_back_office_csv(snapshot.state, config));
  write_file_atomic(dir / (stem + ".run.csv"), snapshot_run_csv(snapshot.state, config));
}

}  // namespace tracesim::output
