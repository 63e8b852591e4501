// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>

namespace tracesim::model {

/// A bug in the model, never a bad input: thrown when a run breaks one of its
/// own invariants (e.g. the end-of-run conservation check finds a task or an
/// inbound call unaccounted for). The message names the identity and the
/// numbers. Callers report it and fail rather than print wrong results.
class InternalError : public std::logic_error {
 public:
  explicit InternalError(const std::string& what) : std::logic_error{what} {}
};

}  // namespace tracesim::model
