// SPDX-License-Identifier: Apache-2.0
#include "overrides.hpp"

#include "yaml_reader.hpp"

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace tracesim::scenario::detail {

std::vector<std::string> split_key_path(const std::string& path) {
  // Grammar: name ( '.' name | '[' digits ']' )*, a name being any text without '.', '[' or ']'.
  auto bad = [&](const std::string& why) {
    return std::invalid_argument("malformed key path '" + path + "': " + why +
                                 " (expected names joined by '.', list items as [N], e.g. staffing.pools.tracers.fte[2].fte)");
  };
  std::vector<std::string> parts;
  std::size_t i = 0;
  bool need_name = true;  // at the start and after '.'
  while (i < path.size()) {
    const char c = path[i];
    if (c == '[') {
      if (parts.empty()) throw bad("a list index needs a key before it");
      const std::size_t close = path.find(']', i);
      if (close == std::string::npos) throw bad("'[' without ']'");
      const std::string digits = path.substr(i + 1, close - i - 1);
      if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
        throw bad("expected a list index [N], got [" + digits + "]");
      parts.push_back("[" + digits + "]");
      i = close + 1;
      need_name = false;
      if (i < path.size() && path[i] != '.' && path[i] != '[') throw bad("expected '.' or '[' after ']'");
    } else if (c == '.') {
      if (need_name) throw bad("an empty name");
      need_name = true;
      ++i;
    } else if (c == ']') {
      throw bad("']' without '['");
    } else {
      if (!need_name) throw bad("expected '.' before a name");
      const std::size_t end = path.find_first_of(".[]", i);
      parts.push_back(path.substr(i, end == std::string::npos ? std::string::npos : end - i));
      i = end == std::string::npos ? path.size() : end;
      need_name = false;
    }
  }
  if (need_name) throw bad(path.empty() ? "nothing to set" : "an empty name");
  return parts;
}

namespace {

// Walks `parts` from `root`, creating mappings, and sets the last to `value`;
// `label` and `path` name the change in a problem.
void set_at(YAML::Node root, const std::vector<std::string>& parts, const YAML::Node& value, const std::string& label,
            const std::string& path) {
  YAML::Node node = root;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    const bool last = i + 1 == parts.size();
    if (p.front() == '[') {
      std::size_t idx = 0;
      try {
        idx = std::stoul(p.substr(1, p.size() - 2));
      } catch (const std::exception&) {
        throw ScenarioError({Diagnostic{label, 0, 0, path, "bad list index " + p}});
      }
      if (!node.IsSequence() || idx >= node.size())
        throw ScenarioError({Diagnostic{label, 0, 0, path, "no list item " + p + " to override"}});
      if (last) {
        node[idx] = value;
      } else {
        YAML::Node next = node[idx];
        node.reset(next);
      }
    } else {
      if (node.IsDefined() && !node.IsMap() && !node.IsNull())  // undefined: a mapping made on the way
        throw ScenarioError({Diagnostic{label, 0, 0, path, "'" + p + "' is not inside a mapping"}});
      if (last) {
        node[p] = value;
      } else {
        YAML::Node next = node[p];
        node.reset(next);
      }
    }
  }
}

}  // namespace

// Sets `path` (a.b[2].c) in `root` to `value`, creating mappings as needed. In
// changes[i].set.KEY, KEY is one dotted key of that mapping, as the file writes it.
void apply_override(YAML::Node root, const Override& o) {
  std::vector<std::string> parts;
  try {
    parts = split_key_path(o.path);
  } catch (const std::invalid_argument& e) {
    throw ScenarioError({Diagnostic{o.label(), 0, 0, "", e.what()}});
  }
  YAML::Node value;
  try {
    value = YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    throw ScenarioError({Diagnostic{o.label(), 0, 0, o.path, "not a valid YAML value: " + e.msg}});
  }
  ReadContext value_ctx{o.label(), {}, {}, {}, {}};
  check_structure(value_ctx, value);  // a repeated key inside the value is refused like one in the file
  if (!value_ctx.diags.empty()) {
    for (Diagnostic& d : value_ctx.diags) {
      d.line = 0;
      d.column = 0;
      d.path = o.path + (d.path.empty() ? "" : "." + d.path);
    }
    throw ScenarioError(std::move(value_ctx.diags));
  }
  // In changes[i].set.KEY, KEY is one dotted key of that mapping, as the file writes it.
  const std::size_t set = o.path.find("].set.");
  if (o.path.rfind("changes[", 0) == 0 && set != std::string::npos) {
    parts = split_key_path(o.path.substr(0, set + 5));
    parts.push_back(o.path.substr(set + 6));
  }
  set_at(root, parts, value, o.label(), o.path);
}

void assign(YAML::Node root, const std::string& key, const YAML::Node& value) {
  std::vector<std::string> parts;
  try {
    parts = split_key_path(key);
  } catch (const std::invalid_argument& e) {
    throw ScenarioError({Diagnostic{key, 0, 0, key, e.what()}});
  }
  set_at(root, parts, value, key, key);
}

}  // namespace tracesim::scenario::detail
