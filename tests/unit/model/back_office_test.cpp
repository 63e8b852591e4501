// SPDX-License-Identifier: Apache-2.0
// Back-office work: the component alone, then micro-scenarios worked out by
// hand (times of day 0, Monday 2021-03-01).
#include <catch2/catch.hpp>

#include "../../../sim/model/back_office.hpp"
#include "../../support/builders.hpp"
#include "../../support/recorder.hpp"
#include "tracesim/model/platform.hpp"

using namespace tracesim;
using model::detail::BackOffice;
using test::at;
using test::run;

namespace {

model::BackOfficeRule rule(double per_index, double per_contact, kernel::Duration work, kernel::Duration deadline) {
  return model::BackOfficeRule{{per_index, per_contact}, model::DurationSampler{model::fixed(work)}, deadline};
}

kernel::SimTime t(std::int64_t minutes) { return kernel::SimTime{minutes * kernel::kMinute}; }

// One agent on 08:00-19:00 who does back-office work only.
model::PoolConfig office_pool(const model::PlatformConfig& pc, const char* start = "08:00", const char* end = "19:00") {
  model::PoolConfig pool = pc.pools[0];
  pool.name = "office";
  pool.skills = {false, false};
  pool.inbound_skill = false;
  pool.back_office_skill = true;
  pool.shifts[0].start = test::clock(start);
  pool.shifts[0].end = test::clock(end);
  return pool;
}

}  // namespace

TEST_CASE("model: back-office items are born by type, whole numbers without a draw", "[model][back_office]") {
  BackOffice office;
  const std::vector<model::BackOfficeRule> rules{rule(2, 0, 10 * kernel::kMinute, 48 * kernel::kHour),
                                                 rule(0, 1, 5 * kernel::kMinute, kernel::kHour)};
  CHECK(office.born(rules, 42, model::TaskType::IndexInterview, t(60)) == 2);
  CHECK(office.born(rules, 43, model::TaskType::ContactCall, t(90)) == 1);
  CHECK(office.pending() == 3);
  // Earliest deadline first: the contact's item (due 02:30) before the case's (due 48 h on).
  const std::uint32_t first = office.take();
  REQUIRE(first != BackOffice::kNone);
  CHECK(office.item(first).work == 5 * kernel::kMinute);
  CHECK(office.item(first).kind == 1);
  CHECK(office.finish(first, t(151)));  // after 02:30: late
  const std::uint32_t second = office.take();
  REQUIRE(second != BackOffice::kNone);
  CHECK_FALSE(office.finish(second, t(200)));  // well within 48 h
  CHECK(office.pending() == 1);
  CHECK(office.slots() == office.free_slots() + office.pending());
  CHECK(office.take() != BackOffice::kNone);
  CHECK_FALSE(office.waiting());
  CHECK(office.take() == BackOffice::kNone);
}

TEST_CASE("model: items wait earliest deadline first across kinds, restored ones included", "[model][back_office]") {
  BackOffice office;
  const std::vector<model::BackOfficeRule> rules{rule(1, 0, kernel::kMinute, 10 * kernel::kHour),
                                                 rule(1, 0, kernel::kMinute, 2 * kernel::kHour)};
  office.born(rules, 1, model::TaskType::IndexInterview, t(0));   // due 10:00 (kind 0) and 02:00 (kind 1)
  office.born(rules, 2, model::TaskType::IndexInterview, t(60));  // due 11:00 and 03:00
  // Restored out of birth order within kind 0: due 05:00, then 04:00 with the same kind.
  office.restore(t(0), t(300), kernel::kMinute, 0);
  office.restore(t(0), t(240), kernel::kMinute, 0);
  office.restore(t(0), t(180), kernel::kMinute, 1);  // ties with the second kind-1 item: born later, so after it
  std::vector<std::int64_t> due;
  std::vector<int> kinds;
  for (std::uint32_t i; (i = office.take()) != BackOffice::kNone;) {
    due.push_back(kernel::ms_of(office.item(i).deadline) / kernel::ms_of(kernel::SimTime{kernel::kMinute}));
    kinds.push_back(office.item(i).kind);
  }
  CHECK(due == std::vector<std::int64_t>{120, 180, 180, 240, 300, 600, 660});
  CHECK(kinds == std::vector<int>{1, 1, 1, 0, 0, 0, 0});
}

TEST_CASE("model: a fractional expected number gives the whole part plus one with its fraction",
          "[model][back_office]") {
  BackOffice office;
  const std::vector<model::BackOfficeRule> rules{rule(1.3, 0, kernel::kMinute, kernel::kHour)};
  std::uint64_t born = 0;
  const int people = 20000;
  for (int k = 0; k < people; ++k) {
    const std::uint32_t n =
        office.born(rules, static_cast<std::uint64_t>(k) * 7919 + 1, model::TaskType::IndexInterview, t(0));
    CHECK((n == 1 || n == 2));
    born += n;
    while (office.take() != BackOffice::kNone) {
    }
  }
  // Mean 1.3; the share with two is binomial(20000, 0.3): sd 0.0032 of the mean.
  CHECK(static_cast<double>(born) / people == Approx(1.3).margin(0.015));
  // The same person draws the same items whatever happened before.
  BackOffice again;
  const std::uint32_t n1 = again.born(rules, 99, model::TaskType::IndexInterview, t(0));
  CHECK(office.born(rules, 99, model::TaskType::IndexInterview, t(5)) == n1);
}

TEST_CASE("model: the agent does the case's certificate after the contact's call", "[model][golden][back_office]") {
  // The case calls in at 09:00 and is answered at once: 25 min interview, to
  // 09:25, naming one contact. Calls come first: the contact is called 09:25,
  // 30 s ring + 10 min talk, to 09:35:30. Then the item born at 09:25 (10 min
  // of work, due 20 min after birth, 09:45): 09:35:30-09:45:30, done 30 s late.
  // Busy: 25 + 10.5 + 10 = 45.5 min.
  auto pc = test::micro_platform({1}, /*contacts=*/1);
  pc.tasks[0].talk = model::fixed(25 * kernel::kMinute);
  pc.back_office.push_back(
      model::BackOfficeKind{"sick_leave", 1.0, 0.0, model::fixed(10 * kernel::kMinute), 20 * kernel::kMinute});
  pc.pools[0].back_office_skill = true;
  test::Recorder rec;
  const auto r = run(pc, &rec);
  REQUIRE(rec.attempts.size() == 2);
  CHECK(ms_of(rec.attempts[1].end) == at(0, "09:35", 30));
  CHECK(r.back_office.created == 1);
  CHECK(r.back_office.done == 1);
  CHECK(r.back_office.done_late == 1);
  CHECK(r.back_office.pending == 0);
  CHECK(r.back_office.work_ms == 10 * 60'000);
  CHECK(r.pools[0].busy_ms == 45 * 60'000 + 30'000);
  CHECK(r.days[0].back_office_created == 1);
  CHECK(r.days[0].back_office_done_late == 1);
  CHECK(r.back_office_kinds);
}

TEST_CASE("model: a dedicated back-office agent works while the tracer calls", "[model][golden][back_office]") {
  // As above, but the item goes to an office agent idle since 08:00: 09:25-09:35,
  // on time. The contact gets one item too (per_contact 1), born when its call
  // ends at 09:35:30: 09:35:30-09:45:30. The tracer is busy 35.5 min, the office 20.
  auto pc = test::micro_platform({1}, /*contacts=*/1);
  pc.tasks[0].talk = model::fixed(25 * kernel::kMinute);
  pc.back_office.push_back(
      model::BackOfficeKind{"certificate", 1.0, 1.0, model::fixed(10 * kernel::kMinute), 48 * kernel::kHour});
  pc.pools.push_back(office_pool(pc));
  const auto r = run(pc);
  CHECK(r.back_office.created == 2);
  CHECK(r.back_office.done == 2);
  CHECK(r.back_office.done_late == 0);
  CHECK(r.pools[0].busy_ms == 35 * 60'000 + 30'000);
  CHECK(r.pools[1].busy_ms == 20 * 60'000);
}

TEST_CASE("model: back-office work runs past the shift's end, never interrupted", "[model][golden][back_office]") {
  // Three 4 h items born at 09:25 for an office agent on 08:00-19:00:
  // 09:25-13:25, 13:25-17:25, 17:25-21:25: the last runs 2 h 25 min over.
  auto pc = test::micro_platform({1}, /*contacts=*/0);
  pc.tasks[0].talk = model::fixed(25 * kernel::kMinute);
  pc.back_office.push_back(
      model::BackOfficeKind{"files", 3.0, 0.0, model::fixed(4 * kernel::kHour), 48 * kernel::kHour});
  pc.pools.push_back(office_pool(pc));
  const auto r = run(pc);
  CHECK(r.back_office.done == 3);
  CHECK(r.pools[1].busy_ms == 12 * 3'600'000);
  CHECK(r.pools[1].overtime_ms == (2 * 60 + 25) * 60'000);
}

TEST_CASE("model: items nobody is on shift to do are pending at the end", "[model][golden][back_office]") {
  // The office agent works 08:00-09:00 only; the item is born at 09:25 and waits.
  auto pc = test::micro_platform({1}, /*contacts=*/0);
  pc.tasks[0].talk = model::fixed(25 * kernel::kMinute);
  pc.back_office.push_back(
      model::BackOfficeKind{"files", 1.0, 0.0, model::fixed(10 * kernel::kMinute), 48 * kernel::kHour});
  pc.pools.push_back(office_pool(pc, "08:00", "09:00"));
  const auto r = run(pc);
  CHECK(r.back_office.created == 1);
  CHECK(r.back_office.done == 0);
  CHECK(r.back_office.pending == 1);
  CHECK(r.pools[1].busy_ms == 0);
}
