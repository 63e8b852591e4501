// SPDX-License-Identifier: Apache-2.0
#include "schema.hpp"

#include "sections.hpp"

namespace tracesim::scenario::detail {
namespace {

const Schema& schema() {
  static const Schema s = [] {  // immutable after first use
    Schema out;
    add_paths(out, "", document_keys());
    return out;
  }();
  return s;
}

}  // namespace

const std::set<std::string>& schema_paths() { return schema().paths; }

const std::vector<KeyInfo>& schema_keys() { return schema().keys; }

std::vector<std::string> children_of(const std::string& pattern) {
  std::vector<std::string> out;
  const std::string prefix = pattern.empty() ? "" : pattern + ".";
  for (const std::string& p : schema_paths()) {
    if (p.size() <= prefix.size() || p.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = p.substr(prefix.size());
    if (rest.find('.') != std::string::npos || rest.find('[') != std::string::npos) continue;
    out.push_back(rest);
  }
  return out;
}

bool has_named_children(const std::string& pattern) {
  return schema_paths().count(pattern + ".<name>") > 0;
}

}  // namespace tracesim::scenario::detail
