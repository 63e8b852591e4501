// SPDX-License-Identifier: Apache-2.0
// changes: parameters that change on a date. Each entry's keys are checked
// here (known, not structural, dates in order); then each epoch - the base
// with every change up to its date applied - is read and validated like the
// file itself, the changed values keeping their place in the file.
#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "../overrides.hpp"
#include "../schema.hpp"
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

// Keys that fix the shape of a run: the days, the pools and their shifts, the
// segments, and what is not a parameter of the platform. A change under one of
// these is refused (a prefix of the key's pattern).
const std::vector<std::string>& structural_prefixes() {
  static const std::vector<std::string> prefixes{"schema_version",
                                                 "name",
                                                 "description",
                                                 "calendar",
                                                 "run",
                                                 "sweep",
                                                 "calibration",
                                                 "changes",
                                                 "demand.index_cases.curve",
                                                 "demand.index_cases.segments",
                                                 "demand.index_cases.release_profile",
                                                 "inbound",
                                                 "sms.gateway",
                                                 "sms.index_declares_contacts_share",
                                                 "staffing.pools",
                                                 "staffing.discipline.order",
                                                 "staffing.discipline.index_before_contacts",
                                                 "staffing.holidays",
                                                 "staffing.national_level",
                                                 "tasks.index_interview.stale",
                                                 "tasks.contact_call.stale",
                                                 "back_office"};
  return prefixes;
}

bool under(const std::string& pattern, const std::string& prefix);

// The keys under a structural prefix that may change on a date: a pool's
// efficiency; a back-office kind's numbers per person and its work.
bool datable_key(const std::string& pattern) {
  return pattern == "staffing.pools.<name>.efficiency" || pattern == "back_office.<name>.per_index_case" ||
         pattern == "back_office.<name>.per_contact" || under(pattern, "back_office.<name>.work");
}

// A dated back-office key names a kind the file declares: a change cannot add one.
std::string unknown_kind(const std::string& key, const Scenario& sc) {
  const std::size_t from = std::string_view{"back_office."}.size();
  const std::size_t dot = key.find('.', from);
  const std::string kind = key.substr(from, dot == std::string::npos ? dot : dot - from);
  std::vector<std::string> names;
  for (const auto& k : sc.platform.back_office) names.push_back(k.name);
  if (std::find(names.begin(), names.end(), kind) != names.end()) return {};
  return "unknown back-office kind '" + kind + "': a change sets the numbers of a kind declared under back_office" +
         suggestion(kind, names);
}

bool under(const std::string& pattern, const std::string& prefix) {
  return pattern == prefix || (pattern.size() > prefix.size() && pattern.compare(0, prefix.size(), prefix) == 0 &&
                               (pattern[prefix.size()] == '.' || pattern[prefix.size()] == '['));
}

// The schema pattern of a dotted key (a.b[2].c -> a.b[].c), or an error message.
std::string pattern_of(const std::string& key, std::string& error) {
  std::string pattern;
  std::string part;
  auto step = [&](const std::string& name) {
    if (!error.empty()) return;
    const std::vector<std::string> valid = children_of(pattern);
    if (std::find(valid.begin(), valid.end(), name) != valid.end()) {
      pattern = join(pattern, name);
    } else if (has_named_children(pattern)) {
      pattern = join(pattern, "<name>");
    } else {
      error = "unknown key '" + name + "'" + (pattern.empty() ? "" : " in " + pattern) + suggestion(name, valid);
    }
  };
  for (std::size_t i = 0; i < key.size() && error.empty(); ++i) {
    const char c = key[i];
    if (c == '.' || c == '[') {
      if (!part.empty()) step(part);
      part.clear();
      if (c == '[') {
        const std::size_t close = key.find(']', i);
        if (close == std::string::npos) error = "unclosed '[' in '" + key + "'";
        pattern += "[]";
        i = close == std::string::npos ? key.size() : close;
      }
    } else {
      part += c;
    }
  }
  if (!part.empty()) step(part);
  return pattern;
}

void read_set(ReadContext& ctx, const Field& f, const Scenario& sc, DatedChange& change) {
  if (!f.node.IsMap()) {
    ctx.error(
        f.node, f.path,
        "expected a mapping of keys to new values, got a " + std::string{f.node.IsSequence() ? "list" : "scalar"});
    return;
  }
  std::set<std::string> seen;
  for (const auto& kv : f.node) {
    const std::string key = kv.first.Scalar();
    const std::string path = f.path + "." + key;
    if (!seen.insert(key).second) {
      ctx.error(kv.first, path, "duplicate key");
      continue;
    }
    std::string error;
    const std::string pattern = pattern_of(key, error);
    if (!error.empty()) {
      ctx.error(kv.first, path, error);
      continue;
    }
    const auto& prefixes = structural_prefixes();
    const bool structural =
        !datable_key(pattern) &&
        std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return under(pattern, p); });
    if (structural) {
      ctx.error(kv.first, path,
                "'" + key +
                    "' is structural (the calendar, pools and shifts, segments, demand curve, inbound "
                    "line, SMS gateway, work-list order, holidays, stale-work rules, back-office kinds and "
                    "deadlines, run settings) and cannot change on a date");
      continue;
    }
    if (under(pattern, "back_office")) {
      if (const std::string e = unknown_kind(key, sc); !e.empty()) {
        ctx.error(kv.first, path, e);
        continue;
      }
    }
    YAML::Emitter out;
    out << YAML::Flow << kv.second;
    change.set.emplace_back(key, out.c_str());
  }
}

void read_changes(ReadContext& ctx, const Field& f, Scenario& sc) {
  if (!expect_sequence(ctx, f)) return;
  const model::CalendarConfig& cal = sc.platform.calendar;
  for (std::size_t i = 0; i < f.node.size(); ++i) {
    MapReader m{ctx, f.item(i)};
    if (!m.is_map()) continue;
    DatedChange change;
    if (m.has("from")) {
      const Field from = m.at("from");
      if (auto d = read_date(ctx, from)) {
        change.from = *d;
        if (*d < cal.start || *d > cal.end)
          ctx.error(from.node, from.path,
                    "date " + kernel::iso_date(*d) + " is outside the calendar (" + kernel::iso_date(cal.start) +
                        " .. " + kernel::iso_date(cal.end) + ")");
        else if (!sc.changes.empty() && !(sc.changes.back().from < *d))
          ctx.error(from.node, from.path,
                    "changes must be in date order, one per date: " + kernel::iso_date(*d) + " is not after " +
                        kernel::iso_date(sc.changes.back().from));
      }
    } else {
      m.missing("from");
    }
    if (m.has("set"))
      read_set(ctx, m.at("set"), sc, change);
    else
      m.missing("set");
    sc.changes.push_back(std::move(change));
  }
}

void write_changes(YAML::Emitter& out, const Scenario& sc) {
  out << YAML::BeginSeq;
  for (const DatedChange& c : sc.changes) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value << kernel::iso_date(c.from);
    out << YAML::Key << "set" << YAML::Value << YAML::BeginMap;
    for (const auto& [key, value] : c.set) out << YAML::Key << key << YAML::Value << YAML::Load(value);
    out << YAML::EndMap << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

// The path a problem found in an epoch is reported at: under the change that
// set the value (the latest one whose key holds the path), else as it is.
std::string reported_path(const Scenario& sc, const YAML::Node& changes, std::size_t upto, const std::string& path) {
  for (std::size_t j = upto + 1; j-- > 0;) {
    const YAML::Node set = changes[j]["set"];
    if (!set.IsMap()) continue;
    for (const auto& kv : set) {
      const std::string key = kv.first.Scalar();
      if (path == key || (path.size() > key.size() && path.compare(0, key.size(), key) == 0 &&
                          (path[key.size()] == '.' || path[key.size()] == '[')))
        return "changes[" + std::to_string(j) + "].set." + key + path.substr(key.size());
    }
  }
  (void)sc;
  return path;
}

}  // namespace

Key<Scenario> changes_key() {
  return Bind<Scenario>::custom("changes", read_changes, write_changes,
                                "parameters that change on a date: {from: DATE, set: {KEY: VALUE, ...}}, in date order",
                                [](Schema& s, const std::string& base) {
                                  s.insert(base + "[].from");
                                  s.insert(base + "[].set");
                                  s.insert(base + "[].set.<name>");
                                })
      .written_if([](const Scenario& sc) { return !sc.changes.empty(); });
}

Diagnostics read_epochs(const YAML::Node& root, const std::function<YAML::Node()>& fresh_tree,
                        const std::function<Scenario(YAML::Node, ReadContext&)>& read, const ReadContext& base,
                        Scenario& sc) {
  Diagnostics out;
  const YAML::Node changes = root["changes"];
  std::set<std::tuple<int, int, std::string>> seen;
  for (std::size_t i = 0; i < sc.changes.size(); ++i) {
    YAML::Node tree = fresh_tree();
    tree.remove("changes");
    for (std::size_t j = 0; j <= i; ++j) {
      const YAML::Node set = changes[j]["set"];
      for (const auto& kv : set) assign(tree, kv.first.Scalar(), kv.second);  // the file's own node, marks kept
    }
    ReadContext ctx{base.file, {}, {}, {}, base.base_dir};
    Scenario epoch = read(tree, ctx);
    Diagnostics found = std::move(ctx.diags);
    if (found.empty()) {
      found = validate(epoch);
      for (Diagnostic& d : found) {
        if (d.file.empty()) d.file = base.file;
        ctx.locate(d);
      }
    }
    for (Diagnostic& d : found) {
      d.path = reported_path(sc, changes, i, d.path);
      for (const Override& o : base.overrides)
        if (d.path == o.path || d.path.rfind(o.path + ".", 0) == 0) {
          d.file = o.label();
          d.line = d.column = 0;
        }
      if (seen.insert({d.line, d.column, d.path + ": " + d.message}).second) out.push_back(std::move(d));
    }
    sc.platform.epochs.push_back(
        model::DatedConfig{sc.changes[i].from, std::make_shared<const model::PlatformConfig>(epoch.platform)});
  }
  return out;
}

}  // namespace tracesim::scenario::detail
