// SPDX-License-Identifier: Apache-2.0
// Keeps docs/outputs.md in step with the outputs: every KPI and every column, and the naming scheme.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "tracesim/output/intervals.hpp"
#include "tracesim/output/long_form.hpp"
#include "tracesim/output/summary.hpp"

TEST_CASE("output: every KPI and daily column is documented", "[output][docs]") {
  std::ifstream in(TRACESIM_SOURCE_DIR "/docs/outputs.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  tracesim::model::RunResult r;
  r.stale_rules = GENERATE(false, true);  // overload KPIs and columns are written only with a stale rule
  r.outcomes = GENERATE(false, true);     // outcome KPIs and columns only with an outcome share
  r.back_office_kinds = GENERATE(false, true);  // so are back-office ones, with back-office kinds
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

namespace {

// The columns of a CSV text's header row.
std::vector<std::string> header_of(const std::string& csv) {
  std::vector<std::string> columns;
  std::istringstream header(csv.substr(0, csv.find('\n')));
  for (std::string column; std::getline(header, column, ',');) columns.push_back(column);
  return columns;
}

}  // namespace

TEST_CASE("output: every KPI and column follows the naming scheme", "[output][docs]") {
  // docs/outputs.md, "Names": <subject>.<measure>, snake_case, a known subject; row keys apart.
  const std::regex scheme(R"(^(index|contacts|people|calls|sms|backlog|agents|pools\.[a-z0-9_]+|inbound|back_office|run)\.[a-z0-9_]+$)");
  const std::set<std::string> keys{"replication", "date", "start"};
  tracesim::model::RunResult r;
  r.stale_rules = true;
  r.outcomes = true;
  r.pools.push_back({"tracers", 0, 0, 0, 0, 0, 0});
  r.days.resize(1);
  r.back_office_kinds = true;
  std::vector<std::string> names;
  for (const auto& k : tracesim::output::kpis(r)) names.push_back(k.name);
  tracesim::output::IntervalRecorder rec(tracesim::kernel::date_from_ymd(2021, 1, 1));
  for (const auto& csv : {tracesim::output::daily_csv({r}), rec.intervals_csv({}, {}), rec.reach_by_arrival_day_csv()})
    for (const auto& c : header_of(csv)) names.push_back(c);
  for (const auto& name : names) {
    CAPTURE(name);
    CHECK((keys.count(name) > 0 || std::regex_match(name, scheme)));
  }
  CHECK(header_of(tracesim::output::kpis_long_csv({r})) == std::vector<std::string>{"kpi", "stat", "value"});
  CHECK(header_of(tracesim::output::wide_to_long_csv(tracesim::output::daily_csv({r}), 2)) ==
        std::vector<std::string>{"replication", "date", "measure", "value"});
}

TEST_CASE("output: the half-hour files' columns are documented", "[output][docs]") {
  std::ifstream in(TRACESIM_SOURCE_DIR "/docs/outputs.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  tracesim::output::IntervalRecorder rec(tracesim::kernel::date_from_ymd(2021, 1, 1));
  for (const auto& csv : {rec.intervals_csv({}, {}), rec.reach_by_arrival_day_csv()})
    for (const auto& c : header_of(csv)) {
      CAPTURE(c);
      CHECK(text.str().find("`" + c + "`") != std::string::npos);
    }
}
