// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "tracesim/output/monthly.hpp"

using namespace tracesim;

namespace {
// Days of `n` consecutive dates from `first`, each with `attempts` contact attempts.
model::RunResult run_of(kernel::Date first, int n, std::uint32_t attempts) {
  model::RunResult r;
  for (int i = 0; i < n; ++i) {
    model::DayStats d;
    d.date = kernel::Date{first.days + i};
    d.working_day = kernel::weekday_of(d.date) < 5;
    d.attempts[1] = attempts;
    d.connected[0] = 1;
    d.staffed_ms = 4 * 3'600'000;
    d.busy_ms = 3'600'000;
    r.days.push_back(d);
  }
  return r;
}
}  // namespace

TEST_CASE("output: monthly.csv gives each month's means over replications", "[output][monthly]") {
  // 2021-01-30 (Saturday) to 2021-02-02 (Tuesday); two replications of 10 and 20 attempts a day.
  const kernel::Date first = kernel::date_from_ymd(2021, 1, 30);
  const std::string csv = output::monthly_csv({run_of(first, 4, 10), run_of(first, 4, 20)});
  std::istringstream in(csv);
  std::string header;
  std::string january;
  std::string february;
  std::string rest;
  std::getline(in, header);
  std::getline(in, january);
  std::getline(in, february);
  CHECK_FALSE(std::getline(in, rest));
  CHECK(header ==
        "month,run.days,run.working_days,calls.attempts,calls.connected,index.reached_by_call,contacts.reached_by_call,"
        "index.reached_by_sms,contacts.reached_by_sms,index.arrived,contacts.arrived,sms.sent,index.attempts,"
        "contacts.attempts,inbound.answered,calls.attempts_per_day,calls.attempts_per_working_day,agents.staffed_h,"
        "agents.occupancy");
  // January: two weekend days, no working day; mean attempts (20 + 40) / 2 = 30.
  CHECK(january == "2021-01,2,0,30,2,0,0,0,0,0,0,0,0,30,0,15,,8,0.25");
  // February: Monday and Tuesday, both working days.
  CHECK(february == "2021-02,2,2,30,2,0,0,0,0,0,0,0,0,30,0,15,15,8,0.25");
}

TEST_CASE("output: every monthly.csv column is documented", "[output][docs]") {
  std::ifstream doc_in(TRACESIM_SOURCE_DIR "/docs/outputs.md");
  REQUIRE(doc_in);
  std::stringstream text;
  text << doc_in.rdbuf();
  const std::string csv = output::monthly_csv({});
  std::istringstream header(csv.substr(0, csv.find('\n')));
  std::string column;
  while (std::getline(header, column, ',')) {
    CAPTURE(column);
    CHECK(text.str().find("`" + column + "`") != std::string::npos);
  }
}
