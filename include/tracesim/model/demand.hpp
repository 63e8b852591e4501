// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include "tracesim/model/config.hpp"

namespace tracesim::model {

/// Expected positives on day `d` under `curve` (before share_handled). For a
/// DailySeries this is the recorded count; std::nullopt if the series does not
/// cover `d`. MonthlyTotals spread each month's total over its days in
/// proportion to the weekday profile.
std::optional<double> expected_positives(const CaseCurve& curve, kernel::Date d);

}  // namespace tracesim::model
