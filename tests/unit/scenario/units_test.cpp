// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "tracesim/scenario/units.hpp"

using namespace tracesim;
using scenario::parse_clock;
using scenario::parse_duration;

TEST_CASE("scenario: durations need units and read components in decreasing order", "[scenario][units]") {
  CHECK(parse_duration("90s")->count() == 90'000);
  CHECK(parse_duration("7m30s")->count() == 450'000);
  CHECK(parse_duration("12h")->count() == 43'200'000);
  CHECK(parse_duration("14d")->count() == 14 * 86'400'000LL);
  CHECK(parse_duration("1h30m")->count() == 5'400'000);
  CHECK(parse_duration("250ms")->count() == 250);
  CHECK(parse_duration("1m250ms")->count() == 60'250);
  CHECK(parse_duration("0s")->count() == 0);
  CHECK_FALSE(parse_duration("90"));
  CHECK_FALSE(parse_duration("7x"));
  CHECK_FALSE(parse_duration("30s7m"));
  CHECK_FALSE(parse_duration("1h1h"));
  CHECK_FALSE(parse_duration("-5m"));
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("1.5h"));
}

TEST_CASE("scenario: formatted durations read back to the same value", "[scenario][units]") {
  for (std::int64_t ms : {0LL, 1LL, 999LL, 60'000LL, 90'000LL, 5'400'000LL, 86'400'000LL + 61'001LL}) {
    const auto d = kernel::Duration{ms};
    CHECK(parse_duration(scenario::format_duration(d)) == d);
  }
}

TEST_CASE("scenario: clock times are HH:MM between 00:00 and 24:00", "[scenario][units]") {
  CHECK(parse_clock("08:30")->count() == 8 * 3'600'000 + 30 * 60'000);
  CHECK(parse_clock("24:00")->count() == 24 * 3'600'000);
  CHECK_FALSE(parse_clock("25:00"));
  CHECK_FALSE(parse_clock("24:01"));
  CHECK_FALSE(parse_clock("8:30"));
  CHECK_FALSE(parse_clock("08:60"));
  CHECK(scenario::format_clock(*parse_clock("17:30")) == "17:30");
}
