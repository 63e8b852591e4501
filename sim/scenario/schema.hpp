// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <set>
#include <string>
#include <vector>

#include "tracesim/scenario/scenario.hpp"

// The scenario schema's key paths, built once from the sections' declarations
// (sections/*.cpp): the reader (unknown-key checks, "did you mean") and the
// documentation test use the same table, so they cannot drift.
namespace tracesim::scenario::detail {

/// Every valid key path ("[]" for list items, "<name>" for user-chosen names).
const std::set<std::string>& schema_paths();

/// Every declared key, in document order.
const std::vector<KeyInfo>& schema_keys();

/// The keys allowed directly under `pattern` ("" for the top level).
std::vector<std::string> children_of(const std::string& pattern);

/// True if the mapping at `pattern` takes user-chosen keys (its child is "<name>").
bool has_named_children(const std::string& pattern);

}  // namespace tracesim::scenario::detail
