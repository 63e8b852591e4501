// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

#include "tracesim/model/plan.hpp"

namespace tracesim::model {

/// Which plan is in force: the base plan, or from a dated change's day on, the
/// plan compiled for that epoch. Switched at 00:00 (enter_day); a leaf that
/// only picks a pointer, so the event loop pays nothing between midnights.
class Epochs {
 public:
  explicit Epochs(const Plan& base) noexcept : base_{base}, current_{&base} {}

  [[nodiscard]] const Plan& current() const noexcept { return *current_; }

  /// Enters day `day`; true if the plan in force changes with it.
  bool enter_day(std::size_t day) noexcept {
    if (base_.epoch_of_day.empty()) return false;
    const std::int32_t e = base_.epoch_of_day[day];
    const Plan* next = e < 0 ? &base_ : base_.epochs[static_cast<std::size_t>(e)].get();
    const bool changed = next != current_;
    current_ = next;
    return changed;
  }

 private:
  const Plan& base_;
  const Plan* current_;
};

}  // namespace tracesim::model
