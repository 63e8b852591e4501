// SPDX-License-Identifier: Apache-2.0
// After-call entry of the contacts a case names: the component alone, then
// micro-scenarios worked out by hand (times of day 0, Monday 2021-03-01).
#include <catch2/catch.hpp>

#include "../../../sim/model/after_call.hpp"
#include "../../support/builders.hpp"
#include "../../support/recorder.hpp"
#include "tracesim/model/platform.hpp"

using namespace tracesim;
using test::at;
using test::run;


TEST_CASE("model: contact entry is one draw per named contact, none for a zero law", "[model][after_call]") {
  model::Samplers s;
  s.entry_per_contact[0] = model::DurationSampler{model::fixed(4 * kernel::kMinute)};
  kernel::KeyedEngine rng{7};
  CHECK(model::detail::contact_entry_ms(s, 0, 3, rng) == 12.0 * 60'000);
  CHECK(model::detail::contact_entry_ms(s, 0, 0, rng) == 0.0);
  // A zero law draws nothing: the engine is where it was.
  kernel::KeyedEngine a{7};
  kernel::KeyedEngine b{7};
  s.entry_per_contact[1] = model::DurationSampler{model::exponential(kernel::Duration{0})};
  CHECK(model::detail::contact_entry_ms(s, 1, 5, a) == 0.0);
  CHECK(a.uniform01() == b.uniform01());
  CHECK(model::DurationSampler{}.is_zero());
  CHECK_FALSE(model::DurationSampler{model::exponential(kernel::kMinute)}.is_zero());
}

TEST_CASE("model: an interview's after-call work grows with the contacts it names", "[model][golden][after_call]") {
  // One case called at 09:00 (30 s ring), naming 3 contacts: 20 min talk, 2 min
  // wrap-up, 3 x 4 min entry -> ends 09:34:30, when the contacts are identified.
  // Each contact: 30 s ring + 10 min talk (no contacts, no entry) = 10 min 30 s.
  // Busy: 34 min 30 s + 3 x 10 min 30 s = 66 min.
  auto pc = test::micro_platform({1}, /*contacts=*/3);
  pc.index_cases.inbound_first_share = 0.0;
  pc.tasks[0].wrap_up = model::fixed(2 * kernel::kMinute);
  pc.tasks[0].entry_per_contact = model::fixed(4 * kernel::kMinute);
  pc.tasks[1].entry_per_contact = model::fixed(4 * kernel::kMinute);  // contacts name nobody
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 4);
  CHECK(ms_of(rec.attempts[0].end) == at(0, "09:34", 30));
  CHECK(ms_of(rec.attempts[1].start) == at(0, "09:34", 30));
  CHECK(ms_of(rec.attempts[3].end) == at(0, "10:06"));
  CHECK(r.pools[0].busy_ms == 66 * 60'000);
  CHECK(r.tasks[1].arrived == 3);
}

TEST_CASE("model: a case calling in gets the same contact entry, divided by the efficiency",
          "[model][golden][after_call]") {
  // The case calls in at 09:00 and is answered at once: (20 min talk + 2 x 5 min
  // entry) / efficiency 1.5 = 20 min -> ends 09:20. Contacts: 30 s + 10 min / 1.5.
  auto pc = test::micro_platform({1}, /*contacts=*/2);
  pc.tasks[0].entry_per_contact = model::fixed(5 * kernel::kMinute);
  pc.pools[0].efficiency = 1.5;
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 3);
  CHECK(ms_of(rec.attempts[0].end) == at(0, "09:20"));
  CHECK(r.pools[0].busy_ms == 20 * 60'000 + 2 * (30'000 + 400'000));
}
