// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/intervals.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <vector>

using namespace tracesim;

namespace {

kernel::SimTime at(int hour, int minute) { return kernel::at_ms((hour * 60LL + minute) * 60'000); }

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("output: intervals split shifts and attempts across half-hours", "[output]") {
  const kernel::Date start = kernel::date_from_ymd(2021, 3, 1);
  output::IntervalRecorder rec(start);
  // One agent on shift 08:00-09:00; two agents 08:30-09:00 (a second one joins).
  rec.on_agent_shift({0, 0, at(8, 0), at(9, 0), at(9, 0)});
  rec.on_agent_shift({1, 0, at(8, 30), at(9, 0), at(9, 0)});
  // A call 08:15-08:45: 15 minutes in each half-hour.
  rec.on_attempt({0, 0, 7, model::TaskType::ContactCall, 1, true, false, at(8, 15), at(8, 45), at(9, 0)});
  // A contact arrives at 08:10 and is reached at 08:45, before its deadline (20:10).
  rec.on_task_final({7, model::TaskType::ContactCall, 0, model::FinalState::ReachedByCall, 1, at(8, 10), at(20, 10),
                     at(8, 45)});
  const auto rows = lines(rec.intervals_csv(start, start));
  REQUIRE(rows.size() == 1 + 48);
  CHECK(rows[0] == "start,index.arrived,contacts.arrived,backlog.open,agents.on_shift,agents.busy,agents.occupancy");
  // 08:00-08:30: 1 agent, busy 15 of 30 minutes; the contact is open at 08:30.
  CHECK(rows[1 + 16] == "2021-03-01T08:00,0,1,1,1,0.5,0.5");
  // 08:30-09:00: 2 agents, busy 15 minutes of 60 agent-minutes; resolved at 08:45.
  CHECK(rows[1 + 17] == "2021-03-01T08:30,0,0,0,2,0.5,0.25");
  CHECK(rows[1 + 18] == "2021-03-01T09:00,0,0,0,0,0,");
  const auto reach = lines(rec.reach_by_arrival_day_csv());
  REQUIRE(reach.size() == 2);
  CHECK(reach[1] == "2021-03-01,0,,1,1");
}

TEST_CASE("output: an intervals period keeps only its days, counting open tasks from the start", "[output]") {
  const kernel::Date start = kernel::date_from_ymd(2021, 3, 1);
  output::IntervalRecorder rec(start);
  // Arrives on day 1 at 23:00, resolved on day 2 at 00:45 (late: deadline 23:30).
  rec.on_task_final({1, model::TaskType::IndexInterview, 0, model::FinalState::ReachedBySms, 2, at(23, 0), at(23, 30),
                     at(24, 45)});
  const kernel::Date day2{start.days + 1};
  const auto rows = lines(rec.intervals_csv(day2, day2));
  REQUIRE(rows.size() == 1 + 48);
  CHECK(rows[1].rfind("2021-03-02T00:00,0,0,1,", 0) == 0);  // still open at 00:30
  CHECK(rows[2].rfind("2021-03-02T00:30,0,0,0,", 0) == 0);
  CHECK(lines(rec.reach_by_arrival_day_csv())[1] == "2021-03-01,1,0,0,");
}
