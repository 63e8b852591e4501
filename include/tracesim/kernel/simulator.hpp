// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <vector>

#include "tracesim/kernel/time.hpp"

namespace tracesim::kernel {

/// Tie-break for events at the same instant: lower phase first, then scheduling
/// order. Never by address, hash order or container accident.
enum class Phase : std::uint8_t { Release = 0, Arrival = 1, Dispatch = 2, Sample = 3 };

/// An event is a small value: what happens (a kind tag the caller defines), to
/// which entity (an index), with one word of extra data. Dispatch is the
/// caller's switch on `kind`; the kernel never interprets these fields.
struct Event {
  SimTime time;
  Phase phase = Phase::Arrival;
  std::uint16_t kind = 0;
  std::uint32_t entity = 0;
  std::uint32_t data = 0;
};

/// Handle for cancelling a scheduled event. Default-constructed ids refer to no event.
struct EventId {
  std::uint32_t slot = 0;
  std::uint64_t seq = 0;  // 0: no event
  friend bool operator==(EventId, EventId) = default;
};

/// Thrown when a run processes more events than its budget allows: a runaway
/// scenario ends with a clear message instead of running forever.
class EventBudgetExceeded : public std::runtime_error {
 public:
  EventBudgetExceeded(std::uint64_t budget, SimTime at);
  [[nodiscard]] std::uint64_t budget() const noexcept { return budget_; }
  [[nodiscard]] SimTime at() const noexcept { return at_; }

 private:
  std::uint64_t budget_;
  SimTime at_;
};

/// Why run_until returned.
enum class RunOutcome : std::uint8_t {
  ReachedHorizon,  // every event at or before the horizon ran; now() == horizon
  QueueEmpty,      // no event left before the horizon; now() == horizon
  Stopped,         // the stop token was triggered; now() is the last event's time
};

/// Event kernel: a clock and a queue ordered by (time, phase, sequence).
/// Knows nothing about the model it runs. Allocation-free in steady state:
/// the heap and the slot table grow to the peak number of pending events and
/// are then reused.
class Simulator {
 public:
  Simulator();

  /// The one "now" of a run.
  [[nodiscard]] SimTime now() const noexcept { return now_; }

  /// Schedules `kind` for `entity` at absolute time `at` (>= now()).
  /// Throws std::invalid_argument if `at` is in the past.
  EventId schedule_at(SimTime at, Phase phase, std::uint16_t kind, std::uint32_t entity,
                      std::uint32_t data = 0);

  /// Same, `delay` (>= 0) after now().
  EventId schedule_in(Duration delay, Phase phase, std::uint16_t kind, std::uint32_t entity,
                      std::uint32_t data = 0) {
    return schedule_at(now_ + delay, phase, kind, entity, data);
  }

  /// Cancels a pending event. Returns false if it already ran, was cancelled, or
  /// the id is empty. Lazy: the entry is skipped when it reaches the top.
  bool cancel(EventId id) noexcept;

  /// Events scheduled and not yet run or skipped (cancelled ones included until popped).
  [[nodiscard]] std::size_t pending() const noexcept { return heap_.size(); }
  [[nodiscard]] std::uint64_t events_processed() const noexcept { return processed_; }

  /// The run throws EventBudgetExceeded once more than `budget` events have run.
  void set_event_budget(std::uint64_t budget) noexcept { budget_ = budget; }
  /// Checked every kStopCheckInterval events (Ctrl-C, sweep cancellation).
  void set_stop_token(std::stop_token token) noexcept { stop_ = std::move(token); }

  static constexpr std::uint64_t kStopCheckInterval = 4096;

  /// Runs every event with time <= horizon, calling `handler(const Event&)` for
  /// each in (time, phase, sequence) order. The handler may schedule and cancel.
  template <class Handler>
  RunOutcome run_until(SimTime horizon, Handler&& handler) {
    Event event;
    while (!heap_.empty() && heap_.front().time <= horizon) {
      if (!pop(event)) continue;  // cancelled
      now_ = event.time;
      if (++processed_ > budget_) throw EventBudgetExceeded(budget_, now_);
      if ((processed_ % kStopCheckInterval) == 0 && stop_.stop_requested()) {
        handler(event);
        return RunOutcome::Stopped;
      }
      handler(event);
    }
    const bool empty = heap_.empty();
    if (now_ < horizon) now_ = horizon;
    return empty ? RunOutcome::QueueEmpty : RunOutcome::ReachedHorizon;
  }

 private:
  struct Entry {
    SimTime time;
    std::uint64_t key;  // phase in the top 8 bits, sequence below: one compare orders both
    std::uint32_t slot;
    std::uint16_t kind;
    std::uint32_t entity;
    std::uint32_t data;
  };
  // (time, key) as one 128-bit number: a single branch-free comparison in the
  // heap's inner loop (times are never negative).
  __extension__ using Order = unsigned __int128;
  static Order order(const Entry& e) noexcept {
    return (static_cast<Order>(static_cast<std::uint64_t>(ms_of(e.time))) << 64) | e.key;
  }
  static bool before(const Entry& a, const Entry& b) noexcept { return order(a) < order(b); }
  static constexpr int kSeqBits = 56;
  static constexpr std::uint64_t kSeqMask = (std::uint64_t{1} << kSeqBits) - 1;

  bool pop(Event& out) noexcept;  // false if the popped entry was cancelled
  void sift_up(std::size_t i) noexcept;
  void sift_down(std::size_t i) noexcept;

  SimTime now_{};
  std::vector<Entry> heap_;            // 4-ary min-heap
  std::vector<std::uint64_t> slots_;   // slot -> seq of the live event using it, 0 if cancelled/free
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t processed_ = 0;
  std::uint64_t budget_ = UINT64_MAX;
  std::stop_token stop_;
};

}  // namespace tracesim::kernel
