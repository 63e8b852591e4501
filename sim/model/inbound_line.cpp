// SPDX-License-Identifier: Apache-2.0
#include "inbound_line.hpp"

namespace tracesim::model::detail {

LineAtHorizon InboundLine::close(SimTime end) {
  update_area(end);
  LineAtHorizon h;
  for (const InboundCall& c : calls_) {
    if (c.live) ++h.live_calls;
    if (c.live && c.waiting) {
      ++h.waiting;
      if (end > c.queued_at) h.wait_ms += (end - c.queued_at).count();
    }
  }
  h.queue_area_ms = queue_area_ms_;
  h.call_slots = calls_.size();
  h.free_call_slots = free_calls_.size();
  return h;
}

}  // namespace tracesim::model::detail
