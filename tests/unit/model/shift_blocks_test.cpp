// SPDX-License-Identifier: Apache-2.0
// Planned blocks in a shift (briefing, training): micro-scenarios worked out
// by hand (times of day 0, Monday 2021-03-01; one agent on 08:00-19:00).
#include <catch2/catch.hpp>

#include "../../support/builders.hpp"
#include "../../support/recorder.hpp"
#include "tracesim/model/platform.hpp"

using namespace tracesim;
using test::at;
using test::run;

namespace {

model::ShiftBlock block(const char* start, kernel::Duration length) {
  return model::ShiftBlock{"briefing", test::clock(start), length};
}
}  // namespace

TEST_CASE("model: no attempt starts during a briefing; its time is not staffed", "[model][golden][blocks]") {
  // Briefing 08:55-09:25. The case is released at 09:00 and waits for the end
  // of the briefing: called at 09:25, reached 09:25:30, interview ends 09:45:30.
  // Staffed: 11 h - 30 min.
  auto pc = test::micro_platform({1}, /*contacts=*/0);
  pc.index_cases.inbound_first_share = 0.0;
  pc.pools[0].shifts[0].blocks = {block("08:55", 30 * kernel::kMinute)};
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 1);
  CHECK(ms_of(rec.attempts[0].start) == at(0, "09:25"));
  CHECK(ms_of(rec.attempts[0].end) == at(0, "09:45", 30));
  CHECK(r.tasks[0].reach_times.sum_ms == 25 * 60'000 + 30'000);
  CHECK(r.pools[0].staffed_ms == (11 * 60 - 30) * 60'000);
  CHECK(r.days[0].staffed_ms == (11 * 60 - 30) * 60'000);
  CHECK(r.pools[0].busy_ms == 20 * 60'000 + 30'000);
}

TEST_CASE("model: an agent busy when a block starts finishes the call, then takes the whole block",
          "[model][golden][blocks]") {
  // Training 09:10 for 30 min. The case is called at 09:00 and its interview
  // ends 09:20:30, naming one contact. The agent then takes its 30 min block:
  // the contact is called at 09:50:30 (reached 09:51:00, ends 10:01:00).
  auto pc = test::micro_platform({1}, /*contacts=*/1);
  pc.index_cases.inbound_first_share = 0.0;
  pc.pools[0].shifts[0].blocks = {block("09:10", 30 * kernel::kMinute)};
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 2);
  CHECK(ms_of(rec.attempts[0].end) == at(0, "09:20", 30));
  CHECK(ms_of(rec.attempts[1].start) == at(0, "09:50", 30));
  CHECK(r.tasks[1].reach_times.sum_ms == 30 * 60'000 + 30'000);
}

TEST_CASE("model: the break and the blocks each pause the agent, in their order", "[model][golden][blocks]") {
  // Briefing 08:00-08:20, break 12:00-13:00 (unpaid), training from 15:00 for 30 min.
  // Three cases released at 12:00 (one hour interviews) wait for the break's end:
  // 13:00-14:00:30, 14:00:30-15:01:00, then the training to 15:31:00, then
  // 15:31:00-16:31:30. Staffed: 11 h - 1 h break - 50 min of blocks = 9 h 10 min.
  auto pc = test::micro_platform({3}, /*contacts=*/0, /*agents=*/1, /*release_hour=*/12);
  pc.index_cases.inbound_first_share = 0.0;
  pc.tasks[0].talk = model::fixed(60 * kernel::kMinute);
  auto& shift = pc.pools[0].shifts[0];
  shift.break_length = 60 * kernel::kMinute;
  shift.break_start = test::clock("12:00");
  shift.blocks = {block("15:00", 30 * kernel::kMinute), block("08:00", 20 * kernel::kMinute)};
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 3);
  CHECK(ms_of(rec.attempts[0].start) == at(0, "13:00"));
  CHECK(ms_of(rec.attempts[1].start) == at(0, "14:00", 30));
  CHECK(ms_of(rec.attempts[2].start) == at(0, "15:31"));
  CHECK(r.pools[0].staffed_ms == (9 * 60 + 10) * 60'000);
}
