// SPDX-License-Identifier: Apache-2.0
#include "overrides.hpp"

#include <exception>
#include <string>
#include <vector>

namespace tracesim::scenario::detail {

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : path) {
    if (c == '.' || c == '[') {
      if (!cur.empty()) parts.push_back(cur);
      cur = c == '[' ? "[" : "";
    } else if (c == ']') {
      parts.push_back(cur + "]");
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

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
  YAML::Node value;
  try {
    value = YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    throw ScenarioError({Diagnostic{o.label(), 0, 0, o.path, "not a valid YAML value: " + e.msg}});
  }
  std::vector<std::string> parts;
  const std::size_t set = o.path.find("].set.");
  if (o.path.rfind("changes[", 0) == 0 && set != std::string::npos) {
    parts = split_path(o.path.substr(0, set + 5));
    parts.push_back(o.path.substr(set + 6));
  } else {
    parts = split_path(o.path);
  }
  set_at(root, parts, value, o.label(), o.path);
}

void assign(YAML::Node root, const std::string& key, const YAML::Node& value) {
  set_at(root, split_path(key), value, key, key);
}

}  // namespace tracesim::scenario::detail
