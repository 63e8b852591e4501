// SPDX-License-Identifier: Apache-2.0
#include "yaml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "bounds.hpp"
#include "schema.hpp"
#include "spellings.hpp"
#include "tracesim/scenario/units.hpp"

namespace tracesim::scenario::detail {

namespace {
// True when `path` is the overridden key or lies inside the value it sets.
bool inside(const Override& o, const std::string& path) {
  return path == o.path || path.rfind(o.path + ".", 0) == 0 || path.rfind(o.path + "[", 0) == 0;
}
}  // namespace

void ReadContext::error(const YAML::Node& at, const std::string& path, const std::string& message) {
  Diagnostic d{file, 0, 0, path, message};
  // A problem inside an override is reported against the override, not the file.
  for (const Override& o : overrides) {
    if (inside(o, path)) {
      d.file = o.label();
      diags.push_back(std::move(d));
      return;
    }
  }
  if (at.IsDefined() && !at.Mark().is_null()) {
    d.line = at.Mark().line + 1;  // yaml-cpp marks are zero-based
    d.column = at.Mark().column + 1;
  }
  diags.push_back(std::move(d));
}

void ReadContext::locate(Diagnostic& d) const {
  for (const Override& o : overrides) {
    if (inside(o, d.path)) {
      d.file = o.label();
      return;
    }
  }
  std::string p = d.path;
  while (!p.empty()) {
    const auto it = positions.find(p);
    if (it != positions.end()) {
      d.line = it->second.first;
      d.column = it->second.second;
      return;
    }
    const std::size_t cut = p.find_last_of(".[");
    p = cut == std::string::npos ? "" : p.substr(0, cut);
  }
}

Field Field::child(const std::string& key) const {
  const YAML::Node& self = node;  // const lookup never inserts
  YAML::Node c;
  if (self.IsMap()) c = self[key];
  return Field{c, path.empty() ? key : path + "." + key, pattern.empty() ? key : pattern + "." + key};
}

Field Field::item(std::size_t i) const {
  const YAML::Node& self = node;
  return Field{self[i], path + "[" + std::to_string(i) + "]", pattern + "[]"};
}

Field Field::named(const std::string& key, const YAML::Node& value) const {
  return Field{value, path + "." + key, pattern + ".<name>"};
}

std::string suggestion(const std::string& key, const std::vector<std::string>& valid) {
  std::string best;
  std::size_t best_d = SIZE_MAX;
  for (const std::string& v : valid) {
    const std::size_t d = edit_distance(key, v);
    if (d < best_d) {
      best_d = d;
      best = v;
    }
  }
  if (!best.empty() && best_d <= std::max<std::size_t>(2, key.size() / 3))
    return "; did you mean '" + best + "'?";
  std::string list;
  for (const std::string& v : valid) list += (list.empty() ? "" : ", ") + v;
  return "; valid keys here: " + list;
}

namespace {

std::string describe(const YAML::Node& n) {
  if (n.IsMap()) return "a mapping";
  if (n.IsSequence()) return "a list";
  if (n.IsNull()) return "nothing";
  return "'" + n.Scalar() + "'";
}

bool is_scalar(ReadContext& ctx, const Field& f, const std::string& expected) {
  if (f.node.IsScalar()) return true;
  ctx.error(f.node, f.path, "expected " + expected + ", got " + describe(f.node));
  return false;
}

}  // namespace

MapReader::MapReader(ReadContext& ctx, Field field) : ctx_{ctx}, field_{std::move(field)} {
  if (!field_.node.IsMap()) {
    ctx_.error(field_.node, field_.path, "expected a mapping, got " + describe(field_.node));
    return;
  }
  is_map_ = true;
  for (const auto& kv : field_.node) {
    const YAML::Mark mark = kv.second.Mark();
    if (!mark.is_null())
      ctx_.positions[field_.path.empty() ? kv.first.Scalar() : field_.path + "." + kv.first.Scalar()] = {
          mark.line + 1, mark.column + 1};
  }
  if (has_named_children(field_.pattern)) return;  // user-chosen keys: checked by the caller
  // Duplicate keys were refused by check_structure before anything was read.
  const std::vector<std::string> valid = children_of(field_.pattern);
  for (const auto& kv : field_.node) {
    const std::string key = kv.first.Scalar();
    const std::string path = field_.path.empty() ? key : field_.path + "." + key;
    if (std::find(valid.begin(), valid.end(), key) == valid.end())
      ctx_.error(kv.first, path, "unknown key" + suggestion(key, valid));
  }
}

bool MapReader::has(const std::string& key) const {
  if (!is_map_) return false;
  const YAML::Node& self = field_.node;
  return static_cast<bool>(self[key]);
}

void MapReader::missing(const std::string& key) const {
  // A misspelt key is already reported as unknown, with this key suggested: saying
  // that the key is missing as well would only repeat it.
  if (is_map_) {
    for (const auto& kv : field_.node) {
      const std::string other = kv.first.Scalar();
      if (other != key && edit_distance(other, key) <= std::max<std::size_t>(2, key.size() / 3)) return;
    }
  }
  ctx_.error(field_.node, field_.path.empty() ? key : field_.path + "." + key, "missing required key");
}

std::optional<double> read_double(ReadContext& ctx, const Field& f, double min, double max) {
  const std::string range = "a number in [" + YAML::Dump(YAML::Node(min)) + ", " +
                            YAML::Dump(YAML::Node(max)) + "]";
  if (!is_scalar(ctx, f, range)) return std::nullopt;
  double v = 0;
  try {
    v = f.node.as<double>();
  } catch (const YAML::Exception&) {
    ctx.error(f.node, f.path, "expected " + range + ", got " + describe(f.node));
    return std::nullopt;
  }
  if (!std::isfinite(v) || v < min || v > max) {
    ctx.error(f.node, f.path, "expected " + range + ", got " + f.node.Scalar());
    return std::nullopt;
  }
  return v;
}

std::optional<long long> read_int(ReadContext& ctx, const Field& f, long long min, long long max) {
  const std::string range = "an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "]";
  if (!is_scalar(ctx, f, range)) return std::nullopt;
  long long v = 0;
  try {
    v = f.node.as<long long>();
  } catch (const YAML::Exception&) {
    ctx.error(f.node, f.path, "expected " + range + ", got " + describe(f.node));
    return std::nullopt;
  }
  if (v < min || v > max) {
    ctx.error(f.node, f.path, "expected " + range + ", got " + f.node.Scalar());
    return std::nullopt;
  }
  return v;
}

std::optional<bool> read_bool(ReadContext& ctx, const Field& f) {
  if (!is_scalar(ctx, f, "true or false")) return std::nullopt;
  const std::string& s = f.node.Scalar();
  if (s == "true") return true;
  if (s == "false") return false;
  ctx.error(f.node, f.path, "expected true or false, got '" + s + "'");
  return std::nullopt;
}

std::optional<std::string> read_string(ReadContext& ctx, const Field& f) {
  if (!is_scalar(ctx, f, "a string")) return std::nullopt;
  return f.node.Scalar();
}

std::optional<kernel::Duration> read_duration(ReadContext& ctx, const Field& f,
                                              kernel::Duration min, kernel::Duration max) {
  const std::string expected = "a duration with units such as 90s, 7m30s, 12h or 14d";
  if (!is_scalar(ctx, f, expected)) return std::nullopt;
  const auto d = parse_duration(f.node.Scalar());
  if (!d) {
    ctx.error(f.node, f.path, "expected " + expected + ", got '" + f.node.Scalar() + "'");
    return std::nullopt;
  }
  if (*d < min || *d > max) {
    ctx.error(f.node, f.path,
              "expected a duration between " + format_duration(min) + " and " + format_duration(max) +
                  ", got " + f.node.Scalar());
    return std::nullopt;
  }
  return d;
}

std::optional<kernel::Duration> read_clock(ReadContext& ctx, const Field& f) {
  const std::string expected = "a clock time \"HH:MM\" between 00:00 and 24:00";
  if (!is_scalar(ctx, f, expected)) return std::nullopt;
  const auto d = parse_clock(f.node.Scalar());
  if (!d) ctx.error(f.node, f.path, "expected " + expected + ", got '" + f.node.Scalar() + "'");
  return d;
}

std::optional<kernel::Date> read_date(ReadContext& ctx, const Field& f) {
  const std::string expected = "an ISO date YYYY-MM-DD";
  if (!is_scalar(ctx, f, expected)) return std::nullopt;
  kernel::Date d;
  if (!kernel::parse_iso_date(f.node.Scalar(), d)) {
    ctx.error(f.node, f.path, "expected " + expected + ", got '" + f.node.Scalar() + "'");
    return std::nullopt;
  }
  return d;
}

std::optional<std::string> read_choice(ReadContext& ctx, const Field& f,
                                       const std::vector<std::pair<std::string, std::string>>& choices) {
  std::string list;
  for (const auto& [value, what] : choices) list += (list.empty() ? "" : ", ") + value + " (" + what + ")";
  if (!is_scalar(ctx, f, "one of " + list)) return std::nullopt;
  const std::string& s = f.node.Scalar();
  for (const auto& c : choices)
    if (c.first == s) return s;
  ctx.error(f.node, f.path, "expected one of " + list + ", got '" + s + "'");
  return std::nullopt;
}

namespace {

// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned cp = 0;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0xC2 && b <= 0xDF) {
      n = 1;
      cp = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 2;
      cp = b & 0x0Fu;
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 3;
      cp = b & 0x07u;
    } else {
      return false;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += n + 1;
  }
  return true;
}

struct StructureWalk {
  ReadContext& ctx;
  std::size_t nodes = 0;
  bool stopped = false;

  void fail(const YAML::Node& at, const std::string& path, const std::string& message) {
    ctx.error(at, path, message);
    stopped = true;
  }

  void walk(const YAML::Node& node, const std::string& path, int depth) {
    if (stopped) return;
    if (++nodes > kMaxNodes) {
      fail(node, path, "the document has more than " + std::to_string(kMaxNodes) +
                           " values (aliases included); a scenario is far smaller");
      return;
    }
    if (depth > kMaxDepth) {
      fail(node, path, "nested more than " + std::to_string(kMaxDepth) + " levels deep");
      return;
    }
    if (node.IsScalar() && !is_utf8(node.Scalar())) {
      fail(node, path, "not valid UTF-8 text (save the file as UTF-8)");
      return;
    }
    if (node.IsSequence()) {
      for (std::size_t i = 0; i < node.size() && !stopped; ++i)
        walk(node[i], path + "[" + std::to_string(i) + "]", depth + 1);
      return;
    }
    if (!node.IsMap()) return;
    std::map<std::string, YAML::Mark> seen;
    for (const auto& kv : node) {
      if (stopped) return;
      if (!kv.first.IsScalar()) {
        fail(kv.first, path, "expected a key name, got " + describe(kv.first) + " as a key");
        return;
      }
      const std::string key = kv.first.Scalar();
      if (!is_utf8(key)) {
        fail(kv.first, path, "a key that is not valid UTF-8 text (save the file as UTF-8)");
        return;
      }
      const std::string child = path.empty() ? key : path + "." + key;
      const auto [it, fresh] = seen.emplace(key, kv.first.Mark());
      if (!fresh) {
        const YAML::Mark& first = it->second;
        ctx.error(kv.first, child,
                  "duplicate key (first at line " + std::to_string(first.line + 1) + ", column " +
                      std::to_string(first.column + 1) + "); each name may appear once in a mapping");
        continue;
      }
      walk(kv.second, child, depth + 1);
    }
  }
};

}  // namespace

void check_structure(ReadContext& ctx, const YAML::Node& root) {
  StructureWalk walk{ctx};
  walk.walk(root, "", 0);
}

bool expect_sequence(ReadContext& ctx, const Field& f) {
  if (f.node.IsSequence()) {
    for (std::size_t i = 0; i < f.node.size(); ++i) {
      const YAML::Mark mark = f.node[i].Mark();
      if (!mark.is_null()) ctx.positions[f.path + "[" + std::to_string(i) + "]"] = {mark.line + 1, mark.column + 1};
    }
    return true;
  }
  ctx.error(f.node, f.path, "expected a list, got " + describe(f.node));
  return false;
}

namespace {

// Reports `key` as missing from `m` unless it is there.
bool need(const MapReader& m, const char* key) {
  if (!m.has(key)) m.missing(key);
  return m.has(key);
}

// Reads the keys of `dist.law`. std::nullopt: stop now (a key is missing or its
// value unusable; nothing more is checked); false: a value is wrong, but the
// keys the law does not use are still reported.
std::optional<bool> read_duration_params(ReadContext& ctx, const MapReader& m, model::DurationDist& dist) {
  if (dist.law == model::DurationLaw::Deterministic) {
    if (!need(m, "value")) return std::nullopt;
    const auto v = read_duration(ctx, m.at("value"), kernel::Duration{0}, kMaxDuration);
    if (!v) return std::nullopt;
    dist.mean = *v;
    return true;
  }
  if (dist.law == model::DurationLaw::Empirical) {
    if (!need(m, "values") || !need(m, "weights")) return std::nullopt;
    const Field values = m.at("values");
    const Field weights = m.at("weights");
    if (!expect_sequence(ctx, values) || !expect_sequence(ctx, weights)) return std::nullopt;
    bool ok = true;
    for (std::size_t i = 0; i < values.node.size(); ++i) {
      const auto v = read_duration(ctx, values.item(i), kernel::Duration{0}, kMaxDuration);
      ok = ok && v.has_value();
      if (v) dist.values.push_back(*v);
    }
    for (std::size_t i = 0; i < weights.node.size(); ++i) {
      const auto w = read_double(ctx, weights.item(i), 0, 1e12);
      ok = ok && w.has_value();
      if (w) dist.weights.push_back(*w);
    }
    if (ok && (dist.values.empty() || dist.values.size() != dist.weights.size())) {
      ctx.error(weights.node, weights.path, "expected as many weights as values (at least one)");
      ok = false;
    }
    double total = 0;
    for (const double w : dist.weights) total += w;
    if (ok && !(total > 0)) {
      ctx.error(weights.node, weights.path, "the weights are all zero; at least one must be positive");
      ok = false;
    }
    return ok;
  }
  if (!need(m, "mean")) return std::nullopt;
  const auto mean = read_duration(ctx, m.at("mean"), kernel::Duration{1}, kMaxDuration);
  bool ok = mean.has_value();
  if (mean) dist.mean = *mean;
  if (dist.law != model::DurationLaw::Exponential) {
    if (!need(m, "cv")) return std::nullopt;
    const auto cv = read_double(ctx, m.at("cv"), 0.01, 10);
    ok = ok && cv.has_value();
    if (cv) dist.cv = *cv;
  }
  return ok;
}

}  // namespace

std::optional<model::DurationDist> read_duration_dist(ReadContext& ctx, const Field& f) {
  model::DurationDist dist;
  if (f.node.IsScalar()) {  // shorthand: a fixed duration
    const auto d = read_duration(ctx, f, kernel::Duration{0}, kMaxDuration);
    if (!d) return std::nullopt;
    dist.mean = *d;
    return dist;
  }
  MapReader m{ctx, f};
  if (!m.is_map()) return std::nullopt;
  if (!need(m, "dist")) return std::nullopt;
  const auto law = read_choice(ctx, m.at("dist"), described(duration_laws()));
  if (!law) return std::nullopt;
  dist.law = *value_in(duration_laws(), *law);
  const auto params = read_duration_params(ctx, m, dist);
  if (!params) return std::nullopt;
  bool ok = *params;
  // Keys that this law does not use are mistakes, not silent no-ops.
  const std::vector<std::string> used =
      dist.law == model::DurationLaw::Deterministic ? std::vector<std::string>{"dist", "value"}
      : dist.law == model::DurationLaw::Empirical   ? std::vector<std::string>{"dist", "values", "weights"}
      : dist.law == model::DurationLaw::Exponential ? std::vector<std::string>{"dist", "mean"}
                                                    : std::vector<std::string>{"dist", "mean", "cv"};
  const std::vector<std::string> known = children_of(f.pattern);
  for (const auto& kv : f.node) {
    const std::string key = kv.first.Scalar();
    if (std::find(used.begin(), used.end(), key) == used.end() &&
        std::find(known.begin(), known.end(), key) != known.end()) {
      ctx.error(kv.first, f.path + "." + key, "not used by dist: " + *law);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return dist;
}

std::optional<model::CountDist> read_count_dist(ReadContext& ctx, const Field& f) {
  MapReader m{ctx, f};
  if (!m.is_map()) return std::nullopt;
  if (!need(m, "dist")) return std::nullopt;
  const auto law = read_choice(ctx, m.at("dist"), described(count_laws()));
  if (!law) return std::nullopt;
  model::CountDist dist;
  dist.law = *value_in(count_laws(), *law);
  if (dist.law == model::CountLaw::Fixed) {
    if (!need(m, "value")) return std::nullopt;
    const auto v = read_int(ctx, m.at("value"), 0, 10000);
    if (!v) return std::nullopt;
    dist.mean = static_cast<double>(*v);
  } else if (dist.law == model::CountLaw::Table) {
    if (!need(m, "probabilities")) return std::nullopt;
    const Field probs = m.at("probabilities");
    if (!expect_sequence(ctx, probs)) return std::nullopt;
    bool ok = true;
    for (std::size_t i = 0; i < probs.node.size(); ++i) {
      const auto p = read_double(ctx, probs.item(i), 0, 1);
      ok = ok && p.has_value();
      if (p) dist.table.push_back(*p);
    }
    if (!ok) return std::nullopt;
  } else {
    if (!need(m, "mean")) return std::nullopt;
    const auto mean = read_double(ctx, m.at("mean"), 0, 1000);
    if (!mean) return std::nullopt;
    dist.mean = *mean;
    if (dist.law == model::CountLaw::NegativeBinomial) {
      if (!need(m, "dispersion")) return std::nullopt;
      const auto k = read_double(ctx, m.at("dispersion"), 1e-3, 1e6);
      if (!k) return std::nullopt;
      dist.dispersion = *k;
    }
  }
  return dist;
}

}  // namespace tracesim::scenario::detail
