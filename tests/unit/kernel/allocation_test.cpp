// SPDX-License-Identifier: Apache-2.0
// The event loop allocates nothing per event in steady state: counted with a
// replaced global operator new. Its own executable, so no other test runs with it.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>

#include "../../support/builders.hpp"
#include "tracesim/kernel/rng.hpp"
#include "tracesim/kernel/simulator.hpp"
#include "tracesim/model/platform.hpp"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace tracesim;

namespace {
// Runs `sim` until `until` events have run, `step(event)` for each, and returns
// the allocations made from event `from` to event `until`; -1 if fewer ran.
template <class Step>
long allocations_between(kernel::Simulator& sim, std::uint64_t from, std::uint64_t until, Step step) {
  long before = 0;
  long after = 0;
  std::uint64_t n = 0;
  sim.set_event_budget(until);
  try {
    sim.run_until(kernel::at_ms(INT64_MAX / 4), [&](const kernel::Event& e) {
      if (++n == from) before = g_allocations.load();
      if (n == until) after = g_allocations.load();  // before the budget's exception allocates its message
      step(e);
    });
  } catch (const kernel::EventBudgetExceeded&) {
  }
  return n == until ? after - before : -1;
}
}  // namespace

TEST_CASE("kernel: schedule and pop allocate nothing once the queue has reached its size", "[kernel][alloc]") {
  kernel::Simulator sim;
  kernel::KeyedEngine rng{7};
  for (std::uint32_t i = 0; i < 5000; ++i)
    sim.schedule_at(kernel::at_ms(static_cast<std::int64_t>(rng() % 10000)), kernel::Phase::Arrival, 1, i);
  // Each event schedules its successor: 5,000 pending throughout. Count from event 10,000 on.
  CHECK(allocations_between(sim, 10'000, 200'000, [&](const kernel::Event& e) {
          sim.schedule_in(kernel::Duration{1 + static_cast<std::int64_t>(rng() % 10000)}, kernel::Phase::Arrival,
                          e.kind, e.entity);
        }) == 0);
}

TEST_CASE("kernel: a lane of timers allocates nothing once it has reached its length", "[kernel][alloc]") {
  kernel::Simulator sim;
  const kernel::Simulator::LaneId lane = sim.add_lane();
  kernel::KeyedEngine rng{8};
  // The lane's length varies around 3,000 (1,500 events, 5 s apart on average,
  // each leaving a timer 10 s later): well inside its 4,096 entries once grown.
  // Kind 1: random events in the heap; kind 2: a timer a fixed 10 s after each, in the lane.
  for (std::uint32_t i = 0; i < 1500; ++i)
    sim.schedule_at(kernel::at_ms(static_cast<std::int64_t>(rng() % 10000)), kernel::Phase::Arrival, 1, i);
  CHECK(allocations_between(sim, 50'000, 300'000, [&](const kernel::Event& e) {
          if (e.kind != 1) return;
          sim.schedule_in(kernel::Duration{1 + static_cast<std::int64_t>(rng() % 10000)}, kernel::Phase::Arrival, 1,
                          e.entity);
          const kernel::EventId timer =
              sim.schedule_in_lane(lane, sim.now() + 10 * kernel::kSecond, kernel::Phase::Arrival, 2, e.entity);
          if (rng() % 3 == 0) sim.cancel(timer);
        }) == 0);
}

TEST_CASE("kernel: events planned days ahead allocate nothing once the buckets have grown", "[kernel][alloc]") {
  kernel::Simulator sim;
  kernel::KeyedEngine rng{9};
  // 3,000 pending events, each followed by another from a minute to two days later:
  // most of them wait in the buckets of the windows ahead, not in the heap.
  const auto delay = [&] {
    return kernel::Duration{60'000 + static_cast<std::int64_t>(rng() % (2 * kernel::kDay.count()))};
  };
  for (std::uint32_t i = 0; i < 3000; ++i) sim.schedule_at(kernel::SimTime{} + delay(), kernel::Phase::Arrival, 1, i);
  CHECK(allocations_between(sim, 100'000, 300'000, [&](const kernel::Event& e) {
          sim.schedule_in(delay(), kernel::Phase::Arrival, e.kind, e.entity);
        }) == 0);
}

namespace {
// Reads the allocation counter at each attempt, without allocating itself.
struct AllocationProbe final : model::Observer {
  long at_day_20 = -1;
  long at_day_40 = -1;
  void on_attempt(const model::AttemptRecord& r) override {
    const auto day = kernel::ms_of(r.end) / kernel::kDay.count();
    if (day == 20 && at_day_20 < 0) at_day_20 = g_allocations.load();
    if (day == 40 && at_day_40 < 0) at_day_40 = g_allocations.load();
  }
  void on_task_final(const model::TaskRecord&) override {}
  void on_agent_shift(const model::AgentShiftRecord&) override {}
};
}  // namespace

TEST_CASE("model: a platform under steady demand stops allocating once its storage has grown", "[model][alloc]") {
  // 60 days of a constant 150 cases a day with 3 agents: entities, queues and heaps reach
  // their peak sizes in the first weeks and are then reused.
  auto pc = test::micro_platform(std::vector<std::int64_t>(60, 150), 2, 12, 9);
  pc.index_cases.release_spread_within_hour = true;
  pc.index_cases.release_profile.fill(1.0);
  pc.index_cases.inbound_first_share = 0.0;
  pc.attempt.answer_probability = {0.6, 0.5};
  pc.tasks[1].talk = model::DurationDist{model::DurationLaw::Lognormal, 9 * kernel::kMinute, 0.5, {}, {}};
  const bool back_office = GENERATE(false, true);  // and with back-office work born of the calls
  if (back_office) {
    pc.back_office.push_back(model::BackOfficeKind{
        "sick_leave", 0.3, 0.5, model::DurationDist{model::DurationLaw::Lognormal, 6 * kernel::kMinute, 0.5, {}, {}},
        48 * kernel::kHour});
    pc.pools[0].back_office_skill = true;
  }
  AllocationProbe probe;
  model::RunOptions o;
  o.seed = 3;
  o.observer = &probe;
  const auto r = model::simulate(pc, o);
  REQUIRE(probe.at_day_20 >= 0);
  REQUIRE(probe.at_day_40 >= 0);
  CHECK(r.tasks[0].arrived > 8000);
  if (back_office) CHECK(r.back_office.done > 5000);
  CHECK(probe.at_day_40 - probe.at_day_20 == 0);
}
