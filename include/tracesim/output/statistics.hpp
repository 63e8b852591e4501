// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

namespace tracesim::output {

/// Mean across replications with a Student-t confidence interval.
struct Estimate {
  double mean = 0;
  double sd = 0;           // sample standard deviation (n - 1)
  double half_width = 0;   // of the confidence interval; 0 when n < 2
  int n = 0;
};

/// Estimate of the values at `confidence` (e.g. 0.95). NaN values are skipped
/// (a share with an empty denominator); the estimate of no values is NaN.
Estimate estimate(const std::vector<double>& values, double confidence = 0.95);

}  // namespace tracesim::output
