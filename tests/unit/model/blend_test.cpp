// SPDX-License-Identifier: Apache-2.0
// The blend policy alone: each mode answers "may this agent dial?" and "callers first?".
#include <catch2/catch.hpp>

#include "../../../sim/model/blend.hpp"

using namespace tracesim;
using model::BlendMode;
using model::detail::callers_first;
using model::detail::may_dial;
using model::detail::takes_new_work_at_once;

namespace {
auto idle(std::size_t n) {
  return [n] { return n; };
}

model::PoolRule pool(BlendMode mode, std::uint64_t reserve = 0, std::uint64_t pause_above = 0) {
  model::PoolRule p;
  p.inbound = true;
  p.blend = mode;
  p.reserve_agents = reserve;
  p.pause_queue_above = pause_above;
  return p;
}
}  // namespace

TEST_CASE("model: a pool off the inbound line always dials and takes new work at once", "[model][blend]") {
  model::PoolRule outbound_only = pool(BlendMode::Reserve, 5);
  outbound_only.inbound = false;
  CHECK(may_dial(outbound_only, idle(0), 100));
  CHECK(takes_new_work_at_once(outbound_only));
}

TEST_CASE("model: inbound-first and outbound-first pools differ only in who goes first", "[model][blend]") {
  CHECK(may_dial(pool(BlendMode::InboundFirst), idle(0), 10));
  CHECK(may_dial(pool(BlendMode::OutboundFirst), idle(0), 10));
  CHECK(callers_first(pool(BlendMode::InboundFirst), 1));
  CHECK_FALSE(callers_first(pool(BlendMode::OutboundFirst), 10));
  CHECK(takes_new_work_at_once(pool(BlendMode::InboundFirst)));
  CHECK_FALSE(takes_new_work_at_once(pool(BlendMode::OutboundFirst)));
}

TEST_CASE("model: a reserve pool dials only while enough other agents stay idle", "[model][blend]") {
  const auto p = pool(BlendMode::Reserve, 2);
  CHECK_FALSE(may_dial(p, idle(1), 0));
  CHECK(may_dial(p, idle(2), 0));
  CHECK(callers_first(p, 0));
  CHECK_FALSE(takes_new_work_at_once(p));
}

TEST_CASE("model: a pausing pool stops dialling and serves callers first above its threshold", "[model][blend]") {
  const auto p = pool(BlendMode::PauseOutbound, 0, 3);
  CHECK(may_dial(p, idle(0), 3));
  CHECK_FALSE(callers_first(p, 3));
  CHECK_FALSE(may_dial(p, idle(0), 4));
  CHECK(callers_first(p, 4));
}
