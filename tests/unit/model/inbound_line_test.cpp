// SPDX-License-Identifier: Apache-2.0
// The inbound line alone: offers, the FIFO queue, hang-ups, retrials, the queue integral.
#include <catch2/catch.hpp>

#include "../../../sim/model/inbound_line.hpp"
#include "../../support/builders.hpp"

using namespace tracesim;
using model::detail::CallKind;
using model::detail::InboundLine;
using model::detail::Offer;

namespace {
kernel::SimTime at(int day, const char* hhmm) { return kernel::at_ms(test::at(day, hhmm)); }

model::Plan plan_with(model::WhenClosed when_closed, double retrial_share = 0, int max_retrials = 0) {
  auto pc = test::micro_platform({0, 0});  // open 08:00-19:00
  pc.inbound.when_closed = when_closed;
  pc.inbound.retrial_share = retrial_share;
  pc.inbound.max_retrials = max_retrials;
  pc.inbound.retrial_delay = model::fixed(30 * kernel::kMinute);
  return model::compile(pc);
}
}  // namespace

TEST_CASE("model: a closed line with a message refuses the call without queueing it", "[model][inbound_line]") {
  const auto plan = plan_with(model::WhenClosed::Message);
  InboundLine line{plan};
  const auto ci = line.open_call(1, CallKind::Independent);
  CHECK(line.offer(ci, at(0, "20:00"), false, false).result == Offer::Refused);
  CHECK(line.waiting() == 0);
}

TEST_CASE("model: a closed line that waits queues the caller with patience from the opening", "[model][inbound_line]") {
  const auto plan = plan_with(model::WhenClosed::Wait);
  InboundLine line{plan};
  const auto ci = line.open_call(1, CallKind::Independent);
  const auto out = line.offer(ci, at(0, "20:00"), false, false);
  CHECK(out.result == Offer::Queued);
  CHECK(out.patience_from == at(1, "08:00"));
  CHECK(line.waiting() == 1);
}

TEST_CASE("model: an open line with a free agent serves the caller at once", "[model][inbound_line]") {
  const auto plan = plan_with(model::WhenClosed::Message);
  InboundLine line{plan};
  const auto ci = line.open_call(1, CallKind::Independent);
  CHECK(line.offer(ci, at(0, "10:00"), true, true).result == Offer::ServeNow);
  CHECK(line.answer(ci, at(0, "10:00")) == kernel::Duration{0});
  CHECK(line.waiting() == 0);
  CHECK_FALSE(line.next_caller().has_value());  // never entered the queue
}

TEST_CASE("model: callers are answered first come, first served, skipping those who hung up", "[model][inbound_line]") {
  const auto plan = plan_with(model::WhenClosed::Message);
  InboundLine line{plan};
  const auto a = line.open_call(1, CallKind::Independent);
  const auto b = line.open_call(2, CallKind::Independent);
  const auto c = line.open_call(3, CallKind::Independent);
  for (const auto ci : {a, b, c}) CHECK(line.offer(ci, at(0, "10:00"), true, false).result == Offer::Queued);
  // b hangs up after 2 minutes; a later hang-up event for b is stale.
  CHECK(line.abandon(b, line.call(b).gen, at(0, "10:02")) == 2 * kernel::kMinute);
  CHECK_FALSE(line.abandon(b, line.call(b).gen, at(0, "10:03")).has_value());
  CHECK(line.next_caller() == a);
  CHECK(line.answer(a, at(0, "10:05")) == 5 * kernel::kMinute);
  CHECK(line.next_caller() == c);
  line.answer(c, at(0, "10:06"));
  CHECK_FALSE(line.next_caller().has_value());
}

TEST_CASE("model: a caller who gives up calls again within the retrial limit", "[model][inbound_line]") {
  const auto plan = plan_with(model::WhenClosed::Message, 1.0, 2);
  InboundLine line{plan};
  const auto ci = line.open_call(1, CallKind::Independent);
  const auto gen = line.call(ci).gen;
  CHECK(line.retry_at(ci, at(0, "10:00")) == at(0, "10:30"));
  CHECK(line.call(ci).gen != gen);  // events of the first try are stale
  CHECK(line.retry_at(ci, at(0, "10:40")).has_value());
  CHECK_FALSE(line.retry_at(ci, at(0, "11:20")).has_value());  // two retrials used
}

TEST_CASE("model: the line closes with its waiting callers, their wait and its queue integral",
          "[model][inbound_line]") {
  // One caller waits from 10:00 and another from 10:30, to a horizon at 11:00: the
  // integral is 1 x 30 min + 2 x 30 min = 90 caller-minutes; waits so far 60 + 30 min.
  const auto plan = plan_with(model::WhenClosed::Message);
  InboundLine line{plan};
  const auto a = line.open_call(1, CallKind::Independent);
  const auto b = line.open_call(2, CallKind::Independent);
  const auto served = line.open_call(3, CallKind::Independent);
  line.offer(a, at(0, "10:00"), true, false);
  line.offer(b, at(0, "10:30"), true, false);
  line.close_call(served);
  const auto h = line.close(at(0, "11:00"));
  CHECK(h.waiting == 2);
  CHECK(h.wait_ms == 90 * kernel::kMinute.count());
  CHECK(h.queue_area_ms == Approx(90.0 * static_cast<double>(kernel::kMinute.count())));
  CHECK(h.live_calls == 2);
  CHECK(h.call_slots == 3);
  CHECK(h.free_call_slots == 1);
}
