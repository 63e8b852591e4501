// SPDX-License-Identifier: Apache-2.0
// Keeps docs/outputs.md in step with the outputs: every KPI and every daily.csv column.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tracesim/output/summary.hpp"

TEST_CASE("output: every KPI and daily column is documented", "[output][docs]") {
  std::ifstream in(TRACESIM_SOURCE_DIR "/docs/outputs.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  tracesim::model::RunResult r;
  r.stale_rules = GENERATE(false, true);  // overload KPIs and columns are written only with a stale rule
  r.pools.push_back({"tracers", 0, 0, 0, 0, 0, 0});
  r.days.resize(1);
  const auto kpis = tracesim::output::kpis(r);
  REQUIRE(kpis.size() > 40);
  for (const auto& k : kpis) {
    std::string name = k.name;
    if (name.rfind("index.", 0) == 0) name = name.substr(6);  // documented once for index.* and contacts.*
    if (name.rfind("contacts.", 0) == 0) name = name.substr(9);
    if (name.rfind("pools.tracers.", 0) == 0) name = "pools.<name>." + name.substr(14);
    CAPTURE(k.name);
    CHECK(doc.find("`" + name + "`") != std::string::npos);
  }
  const std::string csv = tracesim::output::daily_csv({r});
  std::istringstream header(csv.substr(0, csv.find('\n')));
  std::string column;
  int columns = 0;
  while (std::getline(header, column, ',')) {
    CAPTURE(column);
    CHECK(doc.find("`" + column + "`") != std::string::npos);
    ++columns;
  }
  CHECK(columns > 20);
}
