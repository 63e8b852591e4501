// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "tracesim/scenario/scenario.hpp"

namespace tracesim::scenario::detail {

/// The parts of a key path: names and list items ("[2]"). Throws
/// std::invalid_argument, saying what is wrong, for an empty name ("a..b",
/// ".", "a."), a bad index or a stray bracket.
std::vector<std::string> split_key_path(const std::string& path);

/// Sets the key `o.path` (a.b[2].c) of the parsed document `root` to the YAML
/// value `o.value`, creating mappings on the way; the list item must exist.
/// Throws ScenarioError, labelled with the override, if it cannot be applied.
void apply_override(YAML::Node root, const Override& o);

/// Sets the dotted key `key` of `root` to `value` itself (a node of the file,
/// so its line and column stay those of the file).
void assign(YAML::Node root, const std::string& key, const YAML::Node& value);

}  // namespace tracesim::scenario::detail
