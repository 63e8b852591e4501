// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <stop_token>
#include <vector>

#include "tracesim/kernel/simulator.hpp"

using namespace tracesim::kernel;

namespace {
struct Seen {
  std::int64_t ms;
  std::uint16_t kind;
};
}  // namespace

TEST_CASE("kernel: events run in time order, then phase, then scheduling order", "[kernel]") {
  Simulator sim;
  sim.schedule_at(at_ms(20), Phase::Arrival, 1, 0);
  sim.schedule_at(at_ms(10), Phase::Sample, 2, 0);
  sim.schedule_at(at_ms(10), Phase::Release, 3, 0);
  sim.schedule_at(at_ms(10), Phase::Arrival, 4, 0);
  sim.schedule_at(at_ms(10), Phase::Arrival, 5, 0);
  std::vector<std::uint16_t> kinds;
  sim.run_until(at_ms(100), [&](const Event& e) { kinds.push_back(e.kind); });
  CHECK(kinds == std::vector<std::uint16_t>{3, 4, 5, 2, 1});
}

TEST_CASE("kernel: a cancelled event never runs and cancelling twice reports false", "[kernel]") {
  Simulator sim;
  const EventId a = sim.schedule_at(at_ms(5), Phase::Arrival, 1, 0);
  sim.schedule_at(at_ms(6), Phase::Arrival, 2, 0);
  CHECK(sim.cancel(a));
  CHECK_FALSE(sim.cancel(a));
  CHECK_FALSE(sim.cancel(EventId{}));
  std::vector<std::uint16_t> kinds;
  sim.run_until(at_ms(100), [&](const Event& e) { kinds.push_back(e.kind); });
  CHECK(kinds == std::vector<std::uint16_t>{2});
  CHECK(sim.events_processed() == 1);
}

TEST_CASE("kernel: cancelling an event that already ran is refused even after its slot is reused", "[kernel]") {
  Simulator sim;
  const EventId a = sim.schedule_at(at_ms(1), Phase::Arrival, 1, 0);
  sim.run_until(at_ms(1), [](const Event&) {});
  const EventId b = sim.schedule_at(at_ms(2), Phase::Arrival, 2, 0);
  CHECK(a.slot == b.slot);     // the slot is reused ...
  CHECK_FALSE(sim.cancel(a));  // ... but the old id no longer matches it
  int ran = 0;
  sim.run_until(at_ms(10), [&](const Event&) { ++ran; });
  CHECK(ran == 1);
}

TEST_CASE("kernel: run_until stops at the horizon, includes events at it, and advances the clock", "[kernel]") {
  Simulator sim;
  sim.schedule_at(at_ms(10), Phase::Arrival, 1, 0);
  sim.schedule_at(at_ms(20), Phase::Arrival, 2, 0);
  sim.schedule_at(at_ms(21), Phase::Arrival, 3, 0);
  std::vector<std::uint16_t> kinds;
  const auto outcome = sim.run_until(at_ms(20), [&](const Event& e) { kinds.push_back(e.kind); });
  CHECK(outcome == RunOutcome::ReachedHorizon);
  CHECK(kinds == std::vector<std::uint16_t>{1, 2});
  CHECK(ms_of(sim.now()) == 20);
  CHECK(sim.pending() == 1);
  CHECK(sim.run_until(at_ms(50), [&](const Event& e) { kinds.push_back(e.kind); }) == RunOutcome::QueueEmpty);
  CHECK(ms_of(sim.now()) == 50);
}

TEST_CASE("kernel: handlers may schedule at the current instant and those events run in order", "[kernel]") {
  Simulator sim;
  sim.schedule_at(at_ms(5), Phase::Arrival, 1, 0);
  std::vector<Seen> seen;
  sim.run_until(at_ms(100), [&](const Event& e) {
    seen.push_back({ms_of(e.time), e.kind});
    if (e.kind == 1) {
      sim.schedule_in(Duration{0}, Phase::Sample, 3, 0);
      sim.schedule_in(Duration{0}, Phase::Dispatch, 2, 0);
    }
  });
  REQUIRE(seen.size() == 3);
  CHECK(seen[1].kind == 2);  // Dispatch before Sample at the same instant
  CHECK(seen[2].kind == 3);
  CHECK(seen[2].ms == 5);
}

TEST_CASE("kernel: an event at the current instant in an earlier phase runs next", "[kernel]") {
  // Its key is below the one just run: the queue must still put it first.
  Simulator sim;
  sim.schedule_at(at_ms(5), Phase::Dispatch, 1, 0);
  sim.schedule_at(at_ms(5), Phase::Dispatch, 2, 0);
  sim.schedule_at(at_ms(9), Phase::Arrival, 4, 0);
  std::vector<std::uint16_t> kinds;
  sim.run_until(at_ms(100), [&](const Event& e) {
    kinds.push_back(e.kind);
    if (e.kind == 1) sim.schedule_in(Duration{0}, Phase::Release, 3, 0);
  });
  CHECK(kinds == std::vector<std::uint16_t>{1, 3, 2, 4});
}

TEST_CASE("kernel: scheduling in the past is refused", "[kernel]") {
  Simulator sim;
  sim.schedule_at(at_ms(10), Phase::Arrival, 1, 0);
  sim.run_until(at_ms(10), [](const Event&) {});
  CHECK_THROWS_AS(sim.schedule_at(at_ms(9), Phase::Arrival, 1, 0), std::invalid_argument);
}

TEST_CASE("kernel: the event budget ends a runaway run with a clear error", "[kernel]") {
  Simulator sim;
  sim.set_event_budget(1000);
  sim.schedule_at(at_ms(0), Phase::Arrival, 1, 0);
  // Every event schedules another one: without a budget this never ends.
  auto forever = [&](const Event&) { sim.schedule_in(kMillisecond, Phase::Arrival, 1, 0); };
  try {
    sim.run_until(at_ms(1'000'000'000), forever);
    FAIL("expected EventBudgetExceeded");
  } catch (const EventBudgetExceeded& e) {
    CHECK(e.budget() == 1000);
    CHECK(std::string{e.what()}.find("event budget") != std::string::npos);
  }
}

TEST_CASE("kernel: a stop request ends the run early", "[kernel]") {
  Simulator sim;
  std::stop_source source;
  sim.set_stop_token(source.get_token());
  sim.schedule_at(at_ms(0), Phase::Arrival, 1, 0);
  std::uint64_t handled = 0;
  const auto outcome = sim.run_until(at_ms(1'000'000'000), [&](const Event&) {
    if (++handled == 10) source.request_stop();
    sim.schedule_in(kMillisecond, Phase::Arrival, 1, 0);
  });
  CHECK(outcome == RunOutcome::Stopped);
  CHECK(handled == Simulator::kStopCheckInterval);  // noticed at the next check
}

TEST_CASE("kernel: a large random schedule pops in sorted order", "[kernel]") {
  Simulator sim;
  std::uint64_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    sim.schedule_at(at_ms(static_cast<std::int64_t>(x >> 40)), static_cast<Phase>((x >> 20) & 3), 0,
                    static_cast<std::uint32_t>(i));
  }
  std::int64_t last_t = -1;
  int last_phase = -1;
  std::size_t n = 0;
  bool ordered = true;
  sim.run_until(at_ms(INT64_MAX / 2), [&](const Event& e) {
    const auto t = ms_of(e.time);
    const int ph = static_cast<int>(e.phase);
    if (t < last_t || (t == last_t && ph < last_phase)) ordered = false;
    last_t = t;
    last_phase = ph;
    ++n;
  });
  CHECK(ordered);
  CHECK(n == 20000);
}

TEST_CASE("kernel: with many ties and cancellations, events pop exactly as a sorted reference", "[kernel]") {
  // The reference: every live event as (time, phase, scheduling order), sorted.
  struct Ref {
    std::int64_t ms;
    int phase;
    std::uint64_t order;
    std::uint32_t entity;
    std::uint32_t data;
    bool operator<(const Ref& o) const {
      if (ms != o.ms) return ms < o.ms;
      if (phase != o.phase) return phase < o.phase;
      return order < o.order;
    }
  };
  Simulator sim;
  std::vector<Ref> ref;
  std::vector<EventId> ids;
  std::uint64_t x = 99;
  auto next = [&] { return x = x * 6364136223846793005ULL + 1442695040888963407ULL; };
  std::uint64_t order = 0;
  auto add = [&](std::int64_t from) {
    const std::uint64_t r = next();
    const std::int64_t ms = from + static_cast<std::int64_t>((r >> 33) % 50);  // few distinct times
    const int phase = static_cast<int>((r >> 20) & 3);
    const auto entity = static_cast<std::uint32_t>(order);
    const auto data = static_cast<std::uint32_t>(r >> 40);
    ids.push_back(sim.schedule_at(at_ms(ms), static_cast<Phase>(phase), 7, entity, data));
    ref.push_back(Ref{ms, phase, order++, entity, data});
  };
  for (int i = 0; i < 3000; ++i) add(0);
  std::vector<bool> cancelled(200000, false);
  for (std::size_t i = 0; i < ids.size(); i += 7) {
    CHECK(sim.cancel(ids[i]));
    cancelled[i] = true;
  }
  std::vector<Ref> seen;
  // Each event run schedules another after now, in any phase.
  sim.run_until(at_ms(1000), [&](const Event& e) {
    seen.push_back(Ref{ms_of(e.time), static_cast<int>(e.phase), 0, e.entity, e.data});
    if (order < 9000) add(ms_of(e.time) + 1);
  });
  std::vector<Ref> expected;
  for (const Ref& r : ref)
    if (!cancelled[r.order] && r.ms <= 1000) expected.push_back(r);
  std::sort(expected.begin(), expected.end());
  REQUIRE(seen.size() == expected.size());
  bool same = true;
  for (std::size_t i = 0; i < seen.size(); ++i)
    same = same && seen[i].ms == expected[i].ms && seen[i].phase == expected[i].phase &&
           seen[i].entity == expected[i].entity && seen[i].data == expected[i].data;
  CHECK(same);
}

TEST_CASE("kernel: a time beyond the queue's range is refused, the last one it holds runs", "[kernel]") {
  Simulator sim;
  CHECK_THROWS_AS(sim.schedule_at(at_ms(Simulator::kMaxTimeMs + 1), Phase::Arrival, 1, 0), std::invalid_argument);
  sim.schedule_at(at_ms(Simulator::kMaxTimeMs), Phase::Sample, 2, 3, 4);
  std::vector<Event> seen;
  sim.run_until(at_ms(INT64_MAX / 2), [&](const Event& e) { seen.push_back(e); });
  REQUIRE(seen.size() == 1);
  CHECK(ms_of(seen[0].time) == Simulator::kMaxTimeMs);
  CHECK(seen[0].phase == Phase::Sample);
  CHECK(seen[0].kind == 2);
  CHECK(seen[0].entity == 3);
  CHECK(seen[0].data == 4);
}

TEST_CASE("kernel: events through lanes run exactly as through the heap alone", "[kernel]") {
  // Two simulators get the same schedule; one sends some events through lanes
  // (in order, out of order, cancelled), the other schedules everything directly.
  Simulator direct;
  Simulator laned;
  // Five lanes: each empties and fills again many times (the kernel keeps a bit per lane holding events).
  const Simulator::LaneId lanes[5] = {laned.add_lane(), laned.add_lane(), laned.add_lane(), laned.add_lane(),
                                      laned.add_lane()};
  std::uint64_t x = 5;
  auto next = [&] { return x = x * 6364136223846793005ULL + 1442695040888963407ULL; };
  std::vector<EventId> direct_ids, laned_ids;
  std::uint32_t count = 0;
  auto add = [&](std::int64_t now) {
    const std::uint64_t r = next();
    const auto phase = static_cast<Phase>((r >> 20) & 3);
    const auto data = static_cast<std::uint32_t>(r >> 40);
    const std::uint32_t entity = count++;
    const bool lane_it = ((r >> 10) & 3) != 0;
    // Lane events: mostly a fixed delay after now (in order), sometimes less (out of order).
    const std::int64_t delay = lane_it ? (((r >> 12) & 7) == 0 ? static_cast<std::int64_t>((r >> 33) % 40) : 40)
                                       : static_cast<std::int64_t>((r >> 33) % 60);
    direct_ids.push_back(direct.schedule_at(at_ms(now + delay), phase, 1, entity, data));
    laned_ids.push_back(lane_it
                            ? laned.schedule_in_lane(lanes[(r >> 14) % 5], at_ms(now + delay), phase, 1, entity, data)
                            : laned.schedule_at(at_ms(now + delay), phase, 1, entity, data));
  };
  for (int i = 0; i < 500; ++i) add(0);
  CHECK(laned.pending() == direct.pending());
  std::vector<std::uint32_t> seen_direct, seen_laned;
  auto run = [&](Simulator& sim, std::vector<std::uint32_t>& seen, bool drives) {
    sim.run_until(at_ms(5000), [&](const Event& e) {
      seen.push_back(e.entity);
      seen.push_back(e.data);
      seen.push_back(static_cast<std::uint32_t>(ms_of(e.time)));
      if (!drives) return;
      if (count < 20000) add(ms_of(e.time) + 1);
      if (count % 5 == 0) {  // cancel an event not yet run, in both
        const std::size_t k = (next() >> 20) % laned_ids.size();
        if (laned.cancel(laned_ids[k])) CHECK(direct.cancel(direct_ids[k]));
      }
    });
  };
  // The laned run drives the schedule (its handler schedules and cancels in both);
  // the direct one then replays it.
  run(laned, seen_laned, true);
  run(direct, seen_direct, false);
  CHECK(seen_laned.size() > 3 * 10000);
  CHECK(seen_laned == seen_direct);
}

TEST_CASE("kernel: a simulator refuses a 65th lane", "[kernel]") {
  Simulator sim;
  for (int k = 0; k < 64; ++k) CHECK(sim.add_lane() == static_cast<Simulator::LaneId>(k));
  CHECK_THROWS_AS(sim.add_lane(), std::length_error);
}

TEST_CASE("kernel: lane events count as pending, are listed in order and keep the run going", "[kernel]") {
  Simulator sim;
  const Simulator::LaneId lane = sim.add_lane();
  sim.schedule_in_lane(lane, at_ms(10), Phase::Arrival, 1, 0);
  const EventId cancelled = sim.schedule_in_lane(lane, at_ms(20), Phase::Arrival, 1, 1);
  sim.schedule_in_lane(lane, at_ms(30), Phase::Arrival, 1, 2);
  sim.schedule_at(at_ms(15), Phase::Arrival, 2, 3);
  CHECK(sim.pending() == 4);
  REQUIRE(sim.cancel(cancelled));
  const std::vector<Event> listed = sim.pending_events();
  REQUIRE(listed.size() == 3);
  CHECK(listed[0].entity == 0);
  CHECK(listed[1].entity == 3);
  CHECK(listed[2].entity == 2);
  std::vector<std::uint32_t> seen;
  // Only a lane event lies past the horizon: the run reached it, the queue is not empty.
  CHECK(sim.run_until(at_ms(25), [&](const Event& e) { seen.push_back(e.entity); }) == RunOutcome::ReachedHorizon);
  CHECK(seen == std::vector<std::uint32_t>{0, 3});
  CHECK(sim.pending() == 1);
  CHECK(sim.run_until(at_ms(100), [&](const Event& e) { seen.push_back(e.entity); }) == RunOutcome::QueueEmpty);
  CHECK(seen == std::vector<std::uint32_t>{0, 3, 2});
  CHECK(sim.pending() == 0);
  CHECK(ms_of(sim.now()) == 100);
}

TEST_CASE("kernel: events planned hours to weeks ahead run exactly as a sorted reference", "[kernel]") {
  // Delays from 1 ms to 12 days: within the open window, in the buckets of the
  // windows ahead (many at their edges), and past the last bucket. Some are
  // cancelled; the run stops at a horizon with events still in buckets, lists
  // them, and goes on.
  struct Ref {
    std::int64_t ms;
    int phase;
    std::uint64_t order;
    bool operator<(const Ref& o) const {
      if (ms != o.ms) return ms < o.ms;
      if (phase != o.phase) return phase < o.phase;
      return order < o.order;
    }
  };
  constexpr std::int64_t w = Simulator::kWindowMs;
  Simulator sim;
  std::vector<Ref> ref;
  std::vector<EventId> ids;
  std::vector<bool> cancelled;
  std::uint64_t x = 2024;
  auto next = [&] { return x = x * 6364136223846793005ULL + 1442695040888963407ULL; };
  auto add = [&](std::int64_t now) {
    const std::uint64_t r = next();
    std::int64_t ms = now;
    switch ((r >> 8) % 4) {
      case 0:  // soon
        ms += static_cast<std::int64_t>((r >> 33) % 1000);
        break;
      case 1:  // up to 12 days
        ms += static_cast<std::int64_t>((r >> 24) % (12 * 24 * 3'600'000));
        break;
      case 2:  // a window's start
        ms = (now / w + 1 + static_cast<std::int64_t>((r >> 33) % 70)) * w;
        break;
      default:  // a window's last ms
        ms = (now / w + 1 + static_cast<std::int64_t>((r >> 33) % 70)) * w - 1;
    }
    ms = std::max(ms, now + 1);  // an event now in an earlier phase would run before the sort's order
    const int phase = static_cast<int>((r >> 20) & 3);
    ids.push_back(sim.schedule_at(at_ms(ms), static_cast<Phase>(phase), 1, static_cast<std::uint32_t>(ref.size())));
    ref.push_back(Ref{ms, phase, ref.size()});
    cancelled.push_back(false);
  };
  for (int i = 0; i < 2000; ++i) add(0);
  std::vector<std::uint32_t> seen;
  auto handler = [&](const Event& e) {
    seen.push_back(e.entity);
    if (ref.size() < 30000) add(ms_of(e.time));
    if (ref.size() % 9 == 0) {  // cancel one not yet run, if it has not
      const std::size_t k = (next() >> 20) % ids.size();
      if (sim.cancel(ids[k])) cancelled[k] = true;
    }
  };
  const std::int64_t stop = 5 * 24 * 3'600'000 + 12345;
  CHECK(sim.run_until(at_ms(stop), handler) == RunOutcome::ReachedHorizon);
  // What is left, listed and counted, is every live event after the horizon.
  std::size_t left = 0;
  for (const Ref& r : ref) left += !cancelled[r.order] && r.ms > stop ? 1u : 0u;
  const std::vector<Event> listed = sim.pending_events();
  CHECK(listed.size() == left);
  REQUIRE(!listed.empty());
  CHECK(ms_of(listed.front().time) > stop);
  CHECK(std::is_sorted(listed.begin(), listed.end(), [](const Event& a, const Event& b) { return a.time < b.time; }));
  sim.run_until(at_ms(INT64_MAX / 4), handler);
  std::vector<Ref> expected;
  for (const Ref& r : ref)
    if (!cancelled[r.order]) expected.push_back(r);
  std::sort(expected.begin(), expected.end());
  REQUIRE(seen.size() == expected.size());
  bool same = true;
  for (std::size_t i = 0; i < seen.size(); ++i) same = same && seen[i] == expected[i].order;
  CHECK(same);
  CHECK(sim.pending() == 0);
}
