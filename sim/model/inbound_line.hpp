// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "after_call.hpp"
#include "detail/entities.hpp"
#include "detail/rounding.hpp"
#include "tracesim/kernel/assert.hpp"
#include "tracesim/model/plan.hpp"

// The inbound line (private to the model): its callers, their FIFO queue and
// its time integral. It decides what happens to a call and returns the outcome;
// the coordinator finds the agent, schedules the events and counts the facts.
namespace tracesim::model::detail {

/// What happens to a call reaching the line.
enum class Offer : std::uint8_t {
  Refused,   // closed, and the line plays a message: the caller is not queued
  ServeNow,  // open with an agent free: answered at once, no queue entry
  Queued,    // waits its turn; patience counts from `patience_from`
};

struct OfferOutcome {
  Offer result = Offer::Refused;
  SimTime patience_from{};  // Queued: now, or the next opening if the line is closed
};

/// The line at the horizon.
struct LineAtHorizon {
  std::uint64_t waiting = 0;     // callers still in the queue
  std::int64_t wait_ms = 0;      // their time in the queue so far
  double queue_area_ms = 0;      // time integral of the number waiting
  std::uint64_t live_calls = 0;  // callers waiting, in service or due to call again
  std::uint64_t call_slots = 0;
  std::uint64_t free_call_slots = 0;
};

/// The handling time of an answered call for an agent of `pool`: an index case
/// calling in first is interviewed (`interview`, drawn from the case's engine),
/// any other caller gets the inbound talk and wrap-up (from the call's engine).
/// An interview also enters the `contacts` the case names.
inline Duration inbound_handling(const Samplers& samplers, const PoolRule& pool, kernel::KeyedEngine& rng,
                                 bool interview, std::uint32_t contacts = 0) {
  const std::size_t ty = index_of(TaskType::IndexInterview);
  const double handling = interview ? static_cast<double>(samplers.talk[ty](rng).count()) +
                                          static_cast<double>(samplers.wrap_up[ty](rng).count()) +
                                          contact_entry_ms(samplers, ty, contacts, rng)
                                    : static_cast<double>(samplers.inbound_talk(rng).count()) +
                                          static_cast<double>(samplers.inbound_wrap_up(rng).count());
  return Duration{round_over_efficiency(handling, pool.efficiency)};
}

class InboundLine {
 public:
  explicit InboundLine(const Plan& plan) : plan_{plan} {}

  /// A new caller (not yet on the line), with its own engine seeded by `key`;
  /// `task` and `task_gen` link it to a case or contact.
  std::uint32_t open_call(std::uint64_t key, CallKind kind, std::uint32_t task = 0, std::uint32_t task_gen = 0) {
    const std::uint32_t ci = take_slot(calls_, free_calls_);
    InboundCall& c = calls_[ci];
    c.live = true;
    c.rng = kernel::KeyedEngine{key};
    c.kind = kind;
    c.task = task;
    c.task_gen = task_gen;
    return ci;
  }
  /// The caller is done with the line (served, or gave up for good); its slot is reused.
  void close_call(std::uint32_t ci) {
    calls_[ci].live = false;
    calls_[ci].waiting = false;
    ++calls_[ci].gen;
    free_calls_.push_back(ci);
  }
  [[nodiscard]] InboundCall& call(std::uint32_t ci) noexcept { return calls_[ci]; }
  /// Call slots in use or free (a snapshot reads the live ones).
  [[nodiscard]] std::size_t slots() const noexcept { return calls_.size(); }
  /// Whether an event for call `ci` at generation `gen` still applies.
  [[nodiscard]] bool is_live(std::uint32_t ci, std::uint32_t gen) const noexcept {
    return calls_[ci].gen == gen && calls_[ci].live;
  }
  /// Callers waiting now.
  [[nodiscard]] std::uint64_t waiting() const noexcept { return queue_len_; }

  /// Call `ci` reaches the line at `now`. `open`: within opening hours;
  /// `agent_free`: an agent who answers the line is idle (only asked while open).
  /// An idle agent while open means nobody is waiting, so serving at once keeps FIFO order.
  OfferOutcome offer(std::uint32_t ci, SimTime now, bool open, bool agent_free) {
    if (!open && plan_.when_closed == WhenClosed::Message) return {Offer::Refused, now};
    const SimTime patience_from = open ? now : plan_.next_opening(now);
    InboundCall& c = calls_[ci];
    join(c, now);
    if (agent_free) return {Offer::ServeNow, now};
    queue_.emplace_back(ci, c.gen);
    return {Offer::Queued, patience_from};
  }

  /// The caller of `ci` (generation `gen`) hangs up at `now` if still waiting:
  /// how long it waited, or none if the event is stale.
  std::optional<Duration> abandon(std::uint32_t ci, std::uint32_t gen, SimTime now) {
    InboundCall& c = calls_[ci];
    if (c.gen != gen || !c.waiting) return std::nullopt;
    leave(c, now);
    return now - c.queued_at;
  }

  /// After giving up, whether the caller calls again (a draw from its engine,
  /// within the retrial limit) and when; none: it leaves for good.
  std::optional<SimTime> retry_at(std::uint32_t ci, SimTime now) {
    InboundCall& c = calls_[ci];
    if (c.retrials < plan_.max_retrials && c.rng.uniform01() < plan_.retrial_share) {
      ++c.retrials;
      ++c.gen;
      return now + plan_.samplers.retrial_delay(c.rng);
    }
    return std::nullopt;
  }

  /// Takes the oldest caller still waiting off the queue; none if nobody waits.
  std::optional<std::uint32_t> next_caller() {
    while (queue_head_ < queue_.size()) {
      const auto [ci, gen] = queue_[queue_head_++];
      if (calls_[ci].gen == gen && calls_[ci].waiting) {
        if (queue_head_ > 4096 && queue_head_ * 2 > queue_.size()) {
          queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(queue_head_));
          queue_head_ = 0;
        }
        return ci;
      }
    }
    queue_.clear();
    queue_head_ = 0;
    return std::nullopt;
  }

  /// An agent answers the waiting caller `ci` at `now`: how long it waited.
  Duration answer(std::uint32_t ci, SimTime now) {
    InboundCall& c = calls_[ci];
    TRACESIM_ASSERT(c.waiting && queue_len_ > 0, "an agent answered a caller who was not waiting");
    leave(c, now);
    return now - c.queued_at;
  }

  /// The line's state at the horizon `end`.
  LineAtHorizon close(SimTime end);

  /// The queue's time integral from the start to `now` (where a warm-up ends).
  [[nodiscard]] double queue_area_until(SimTime now) const noexcept {
    return queue_area_ms_ + static_cast<double>(queue_len_) * static_cast<double>((now - queue_changed_).count());
  }

 private:
  // Time-weighted queue length, for the mean queue length (Little's law).
  void update_area(SimTime now) noexcept {
    queue_area_ms_ += static_cast<double>(queue_len_) * static_cast<double>((now - queue_changed_).count());
    queue_changed_ = now;
  }
  void join(InboundCall& c, SimTime now) noexcept {
    update_area(now);
    c.waiting = true;
    c.queued_at = now;
    ++queue_len_;
  }
  void leave(InboundCall& c, SimTime now) noexcept {
    update_area(now);
    c.waiting = false;
    --queue_len_;
  }

  const Plan& plan_;
  std::vector<InboundCall> calls_;
  std::vector<std::uint32_t> free_calls_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> queue_;  // (call, gen), FIFO from queue_head_
  std::size_t queue_head_ = 0;
  std::uint64_t queue_len_ = 0;  // callers waiting (queue_ also holds stale entries)
  SimTime queue_changed_{};
  double queue_area_ms_ = 0;
};

}  // namespace tracesim::model::detail
