// SPDX-License-Identifier: Apache-2.0
// The open work a run starts with: a user's CSV of open tasks, or a snapshot
// folder. Read strictly, like every input: located errors, bounds, unknown and
// repeated columns, duplicate ids, times after the start.
#include "tracesim/scenario/initial_state_csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "csv_table.hpp"

namespace tracesim::scenario {
namespace detail {
namespace {

// The columns of a file of open tasks; the snapshot columns make it a snapshot's.
const std::vector<std::string> kRequired{"type", "identified"};
const std::vector<std::string> kOptional{"id",      "attempts",        "last_attempt",     "next_attempt",
                                         "deadline", "segment",        "contacts_listed",  "contacts_to_list",
                                         "state",   "key",             "engine",           "inbound_first",
                                         "queue"};

// One row of a file of open tasks, read column by column; every problem is
// reported at its column and makes the row wrong.
struct Row {
  Table& t;
  const Context& ctx;
  bool exact;
  bool good = true;
  void bad(const std::string& col, const std::string& msg) {
    t.fail_in(col, msg);
    good = false;
  }
};

void read_identity(Row& r, std::size_t row, model::OpenTask& o, std::optional<model::OpenState>& state) {
  Table& t = r.t;
  const auto bad = [&](const std::string& col, const std::string& msg) { r.bad(col, msg); };
  o.id = row;
  if (t.has("id")) {
    const auto id = whole(t.get("id"), UINT64_MAX - 1);
    if (!id)
      bad("id", "expected a whole number >= 0, got '" + t.get("id") + "'");
    else
      o.id = *id;
  }
  const std::string type = t.get("type");
  if (type == "index")
    o.type = model::TaskType::IndexInterview;
  else if (type == "contact")
    o.type = model::TaskType::ContactCall;
  else
    bad("type", "expected index or contact, got '" + type + "'");
  if (!r.exact) return;
  const std::string s = t.get("state");
  if (const auto word = model::value_of(model::kOpenStateWords, s))
    state = *word;
  else
    bad("state", "expected " + model::one_of(model::kOpenStateWords) + ", got '" + s + "'");
}

// identified, attempts, last_attempt, deadline: in range, in order, not after the start
// (a snapshot's scheduled task arrives after its midnight).
void read_times(Row& r, bool scheduled, model::OpenTask& o) {
  Table& t = r.t;
  const Context& ctx = r.ctx;
  const bool exact = r.exact;
  const auto bad = [&](const std::string& col, const std::string& msg) { r.bad(col, msg); };
  const kernel::Date start = ctx.config.calendar.start;
  const model::TaskConfig& rule = ctx.config.tasks[model::index_of(o.type)];
  const SimTime limit = ctx.midnight.value_or(SimTime{});
  const std::string when =
      ctx.midnight ? "the snapshot's midnight" : "the run's start (" + kernel::iso_date(start) + " 00:00)";
  if (const auto at = date_time(t.get("identified"), start)) {
    o.identified = *at;
    if (!scheduled && *at > limit) bad("identified", t.get("identified") + " is after " + when);
    if (scheduled && *at < limit) bad("identified", "a scheduled task arrives at or after " + when);
  } else {
    bad("identified", "expected " + kDateTime + ", got '" + t.get("identified") + "'");
  }
  if (!t.get("attempts").empty()) {
    const int max = exact ? 1000 : rule.retry.max_attempts - 1;
    const auto a = whole(t.get("attempts"), static_cast<std::uint64_t>(std::max(0, max)));
    if (!a)
      bad("attempts", "expected a whole number from 0 to " + std::to_string(max) +
                          (exact ? "" : " (below the type's max_attempts: a task with no attempt left is not open)") +
                          ", got '" + t.get("attempts") + "'");
    else
      o.attempts = static_cast<std::uint16_t>(*a);
  }
  if (!t.get("last_attempt").empty()) {
    const auto at = date_time(t.get("last_attempt"), start);
    if (!at)
      bad("last_attempt", "expected " + kDateTime + " or nothing, got '" + t.get("last_attempt") + "'");
    else if (*at > limit)
      bad("last_attempt", t.get("last_attempt") + " is after " + when);
    else if (*at < o.identified)
      bad("last_attempt", "before the task was identified");
    else
      o.last_attempt = *at;
  }
  if (!t.get("next_attempt").empty()) {
    const auto at = date_time(t.get("next_attempt"), start);
    if (exact)
      bad("next_attempt", "not in a snapshot's rows: its next attempt is one of its events");
    else if (!at)
      bad("next_attempt", "expected " + kDateTime + " or nothing, got '" + t.get("next_attempt") + "'");
    else if (*at < o.identified || (o.last_attempt && *at < *o.last_attempt))
      bad("next_attempt", "before the task was identified or last tried");
    else
      o.next_attempt = *at;
  }
  if (!exact && o.attempts > 0 && !o.last_attempt && !o.next_attempt)
    bad("last_attempt", "required when attempts > 0 (or give next_attempt)");
  if (!exact && o.attempts == 0 && o.last_attempt) bad("last_attempt", "given, but attempts is 0");
  if (!t.get("deadline").empty()) {
    const auto at = date_time(t.get("deadline"), start);
    if (!at)
      bad("deadline", "expected " + kDateTime + " or nothing, got '" + t.get("deadline") + "'");
    else if (*at < o.identified)
      bad("deadline", "before the task was identified");
    else
      o.deadline = *at;
  }
}

// segment (by name), contacts listed and still to list.
void read_placement(Row& r, model::OpenTask& o) {
  Table& t = r.t;
  const Context& ctx = r.ctx;
  const auto bad = [&](const std::string& col, const std::string& msg) { r.bad(col, msg); };
  const auto& segments = ctx.config.index_cases.segments;
  const std::string seg = t.get("segment");
  if (seg.empty()) {
    if (segments.size() > 1)
      bad("segment", "required: the scenario has " + std::to_string(segments.size()) + " segments");
  } else {
    const auto it = std::find_if(segments.begin(), segments.end(), [&](const auto& s) { return s.name == seg; });
    if (it == segments.end())
      bad("segment", "no segment named '" + seg + "' in demand.index_cases.segments");
    else
      o.segment = static_cast<std::uint8_t>(it - segments.begin());
  }
  for (const auto* col : {"contacts_listed", "contacts_to_list"}) {
    const std::string v = t.get(col);
    if (v.empty()) continue;
    const auto n = whole(v, 10000);
    if (!n)
      bad(col, "expected a whole number from 0 to 10000, got '" + v + "'");
    else if (*n > 0 && o.type != model::TaskType::IndexInterview)
      bad(col, "only index cases list contacts");
    else
      (std::string{col} == "contacts_listed" ? o.contacts_listed : o.contacts_to_list) = static_cast<std::uint32_t>(*n);
  }
}

// The columns exact continuation needs (snapshot rows).
void read_exact(Row& r, model::OpenState state, model::OpenTask& o) {
  Table& t = r.t;
  const bool scheduled = state == model::OpenState::Scheduled;
  const auto bad = [&](const std::string& col, const std::string& msg) { r.bad(col, msg); };
  model::TaskExact e;
  e.state = state;
  const auto key = whole(t.get("key"), UINT64_MAX);
  const auto engine = whole(t.get("engine"), UINT64_MAX);
  if (!key) bad("key", "expected a whole number, got '" + t.get("key") + "'");
  if (!engine) bad("engine", "expected a whole number, got '" + t.get("engine") + "'");
  const std::string inbound = t.get("inbound_first");
  if (inbound != "0" && inbound != "1") bad("inbound_first", "expected 0 or 1, got '" + inbound + "'");
  const std::string queue = t.get("queue");
  if (state == model::OpenState::Queued) {
    const auto q = whole(queue, UINT64_MAX - 1);
    if (!q)
      bad("queue", "a queued task needs its place in the work list, got '" + queue + "'");
    else
      e.queue_position = *q;
  } else if (!queue.empty()) {
    bad("queue", "only queued tasks have a place in the work list");
  }
  if (!scheduled && !o.deadline) bad("deadline", "required in a snapshot for an open task");
  if (!r.good) return;
  e.key = *key;
  e.engine = *engine;
  e.inbound_first = inbound == "1";
  o.exact = e;
}

// Reads the current row's task; false (with diagnostics) if it is wrong.
bool read_task(Table& t, const Context& ctx, std::size_t row, bool exact, model::OpenTask& o) {
  Row r{t, ctx, exact};
  std::optional<model::OpenState> state;
  read_identity(r, row, o, state);
  read_times(r, state == model::OpenState::Scheduled, o);
  read_placement(r, o);
  if (exact && state) read_exact(r, *state, o);
  return r.good;
}

}  // namespace

model::InitialState read_tasks(std::istream& in, const std::string& name, const Context& ctx, bool snapshot,
                               Diagnostics& diags) {
  model::InitialState s;
  Table t{in, name, diags};
  if (!t.header(snapshot ? std::vector<std::string>{"type", "identified", "id", "state", "key", "engine",
                                                    "inbound_first", "queue", "deadline"}
                         : kRequired,
                kOptional))
    return s;
  const bool exact = t.has("state") || t.has("key") || t.has("engine");
  if (exact && !snapshot) {
    t.fail(1,
           "a snapshot's file (it has the columns state, key, engine): give its folder to continue from it, "
           "or leave those columns out to start from its open work");
    return s;
  }
  std::set<std::uint64_t> ids;
  std::map<std::uint64_t, int> queue_places;
  while (t.row()) {
    model::OpenTask o;
    if (!read_task(t, ctx, s.tasks.size(), exact, o)) continue;
    if (!ids.insert(o.id).second) {
      t.fail_in("id", "task " + std::to_string(o.id) + " appears twice");
      continue;
    }
    if (o.exact && o.exact->queue_position && !queue_places.emplace(*o.exact->queue_position, t.line()).second) {
      t.fail_in("queue", "place " + std::to_string(*o.exact->queue_position) + " in the work list is taken twice");
      continue;
    }
    s.tasks.push_back(o);
  }
  return s;
}

bool open_file(const std::filesystem::path& file, std::ifstream& in, Diagnostics& diags) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec || !std::filesystem::exists(status)) {
    diags.push_back(Diagnostic{file.string(), 0, 0, "", "no such file"});
    return false;
  }
  if (!std::filesystem::is_regular_file(status)) {
    diags.push_back(Diagnostic{file.string(), 0, 0, "", "not a regular file (a folder, device or pipe)"});
    return false;
  }
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > kMaxInputFileBytes * 8) {
    diags.push_back(Diagnostic{file.string(), 0, 0, "", "larger than 128 MiB"});
    return false;
  }
  in.open(file, std::ios::binary);
  if (!in) diags.push_back(Diagnostic{file.string(), 0, 0, "", "cannot open the file"});
  return static_cast<bool>(in);
}

}  // namespace detail

model::InitialState read_open_tasks_csv(std::istream& in, const std::string& name, const model::PlatformConfig& config,
                                        Diagnostics& diags) {
  return detail::read_tasks(in, name, detail::Context{config, std::nullopt}, false, diags);
}

std::shared_ptr<const model::InitialStates> read_initial_state(const std::filesystem::path& path,
                                                               const model::PlatformConfig& config,
                                                               Diagnostics& diags) {
  auto out = std::make_shared<model::InitialStates>();
  out->source = path.string();
  const std::size_t before = diags.size();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    detail::read_snapshot_folder(path, config, *out, diags);
  } else {
    std::ifstream in;
    if (detail::open_file(path, in, diags))
      out->replications.push_back(read_open_tasks_csv(in, path.string(), config, diags));
  }
  if (diags.size() > before) return nullptr;
  return out;
}

}  // namespace tracesim::scenario