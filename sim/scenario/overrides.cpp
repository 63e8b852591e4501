// SPDX-License-Identifier: Apache-2.0
#include "overrides.hpp"

#include <exception>
#include <string>
#include <vector>

namespace tracesim::scenario::detail {

// Sets `path` (a.b[2].c) in `root` to `value`, creating mappings as needed.
void apply_override(YAML::Node root, const Override& o) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : o.path) {
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
  YAML::Node value;
  try {
    value = YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    throw ScenarioError({Diagnostic{o.label(), 0, 0, o.path, "not a valid YAML value: " + e.msg}});
  }
  YAML::Node node = root;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    const bool last = i + 1 == parts.size();
    if (p.front() == '[') {
      std::size_t idx = 0;
      try {
        idx = std::stoul(p.substr(1, p.size() - 2));
      } catch (const std::exception&) {
        throw ScenarioError({Diagnostic{o.label(), 0, 0, o.path, "bad list index " + p}});
      }
      if (!node.IsSequence() || idx >= node.size())
        throw ScenarioError({Diagnostic{o.label(), 0, 0, o.path,
                                        "no list item " + p + " to override"}});
      if (last) {
        node[idx] = value;
      } else {
        YAML::Node next = node[idx];
        node.reset(next);
      }
    } else {
      if (!node.IsMap() && !node.IsNull())
        throw ScenarioError({Diagnostic{o.label(), 0, 0, o.path,
                                        "'" + p + "' is not inside a mapping"}});
      if (last) {
        node[p] = value;
      } else {
        YAML::Node next = node[p];
        node.reset(next);
      }
    }
  }
}

}  // namespace tracesim::scenario::detail
