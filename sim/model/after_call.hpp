// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

#include "tracesim/kernel/rng.hpp"
#include "tracesim/model/plan.hpp"

// After-call work that grows with the case (private to the model): the agent
// enters each contact the case names in the tracing tool. The 003 report
// counts this "saisie" among the work around the calls; see docs/model.md.
namespace tracesim::model::detail {

/// Entry time in ms for the `contacts` a case of task type `ty` names: one
/// draw per contact from `rng`, after talk and wrap-up. A zero law makes no
/// draw, so scenarios without it keep their draws and results.
inline double contact_entry_ms(const Samplers& samplers, std::size_t ty, std::uint32_t contacts,
                               kernel::KeyedEngine& rng) {
  const DurationSampler& entry = samplers.entry_per_contact[ty];
  if (contacts == 0 || entry.is_zero()) return 0;
  double total = 0;
  for (std::uint32_t i = 0; i < contacts; ++i) total += static_cast<double>(entry(rng).count());
  return total;
}

}  // namespace tracesim::model::detail
