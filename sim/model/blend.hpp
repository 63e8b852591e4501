// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

#include "tracesim/model/plan.hpp"

// The blend policy (private to the model): how a pool that answers the inbound
// line shares its agents with outbound work. Pure functions of the pool's rule
// and two counts, so each mode is testable on its own.
namespace tracesim::model::detail {

/// Whether an agent of `pool` may start outbound work now. `idle_others()`: the
/// pool's other idle agents (Reserve keeps `reserve_agents` of them free for
/// callers), asked only by Reserve pools; `waiting`: callers on the inbound line
/// (PauseOutbound stops dialling above its threshold).
template <class IdleOthers>
bool may_dial(const PoolRule& pool, IdleOthers&& idle_others, std::uint64_t waiting) noexcept {
  if (!pool.inbound) return true;
  switch (pool.blend) {
    case BlendMode::InboundFirst:
    case BlendMode::OutboundFirst:
      return true;
    case BlendMode::Reserve:
      return static_cast<std::size_t>(idle_others()) >= pool.reserve_agents;
    case BlendMode::PauseOutbound:
      return waiting <= pool.pause_queue_above;
  }
  return true;
}

/// Whether a free agent of `pool` takes a waiting caller before outbound work.
inline bool callers_first(const PoolRule& pool, std::uint64_t waiting) noexcept {
  switch (pool.blend) {
    case BlendMode::InboundFirst:
    case BlendMode::Reserve:
      return true;
    case BlendMode::OutboundFirst:
      return false;
    case BlendMode::PauseOutbound:
      return waiting > pool.pause_queue_above;
  }
  return true;
}

/// Whether an idle agent of `pool` may take a task the moment it is queued. An
/// agent idle while it may work means nothing it could take was waiting, so the
/// new task is the best for it; pools that keep agents idle on purpose (every
/// blend but InboundFirst) go through the work list instead.
inline bool takes_new_work_at_once(const PoolRule& pool) noexcept {
  return !pool.inbound || pool.blend == BlendMode::InboundFirst;
}

}  // namespace tracesim::model::detail
