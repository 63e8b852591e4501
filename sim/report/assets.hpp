// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

// Files the page inlines, embedded at build time (sim/report/embed.cmake).
namespace tracesim::report::assets {

/// Chart.js from Debian's libjs-chart.js; empty if the build found none.
std::string chart_js();
/// The page's own script (sim/report/assets/report.js) and styles (report.css).
std::string report_js();
std::string report_css();

}  // namespace tracesim::report::assets
