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
  /// Throws std::invalid_argument if `at` is in the past or after kMaxTimeMs.
  EventId schedule_at(SimTime at, Phase phase, std::uint16_t kind, std::uint32_t entity, std::uint32_t data = 0);

  /// Same, `delay` (>= 0) after now().
  EventId schedule_in(Duration delay, Phase phase, std::uint16_t kind, std::uint32_t entity, std::uint32_t data = 0) {
    return schedule_at(now_ + delay, phase, kind, entity, data);
  }

  /// A lane holds events whose (time, phase) never decrease in the order they are
  /// scheduled, such as a timer a fixed delay after each arrival. Only a lane's
  /// earliest event sits in the heap; the others wait behind it in order, each
  /// added and taken in constant time, so a long train of timers costs the heap
  /// one entry, and a cancelled one leaves without touching the heap. Events run
  /// in exactly the same order as with schedule_at.
  using LaneId = std::uint32_t;
  LaneId add_lane();

  /// Same as schedule_at, through `lane`: an event earlier than the lane's last
  /// one goes to the heap directly, so the order of events never depends on lanes.
  EventId schedule_in_lane(LaneId lane, SimTime at, Phase phase, std::uint16_t kind, std::uint32_t entity,
                           std::uint32_t data = 0);

  /// Cancels a pending event. Returns false if it already ran, was cancelled, or
  /// the id is empty. Lazy: the entry is skipped when it reaches the top.
  bool cancel(EventId id) noexcept;

  /// The live pending events (cancelled ones left out) in the order they will run:
  /// (time, phase, sequence). For saving a run's state; it allocates the list, so it
  /// is never called on the hot path.
  [[nodiscard]] std::vector<Event> pending_events() const;

  /// Events scheduled and not yet run or skipped (cancelled ones included until popped).
  [[nodiscard]] std::size_t pending() const noexcept { return heap_.size() + lane_waiting_; }
  [[nodiscard]] std::uint64_t events_processed() const noexcept { return processed_; }

  /// The run throws EventBudgetExceeded once more than `budget` events have run.
  void set_event_budget(std::uint64_t budget) noexcept { budget_ = budget; }
  /// Checked every kStopCheckInterval events (Ctrl-C, sweep cancellation).
  void set_stop_token(std::stop_token token) noexcept { stop_ = std::move(token); }

  static constexpr std::uint64_t kStopCheckInterval = 4096;

  /// Runs every event with time <= horizon, calling `handler(const Event&)` for
  /// each in (time, phase, sequence) order. The handler may schedule and cancel.
  /// Latest time an event may be scheduled at: 2^42 - 1 ms, about 139 years
  /// after the start of the run (the queue packs times into 42 bits).
  static constexpr std::int64_t kMaxTimeMs = (std::int64_t{1} << 42) - 1;

  template <class Handler>
  RunOutcome run_until(SimTime horizon, Handler&& handler) {
    Event event;
    while (!heap_.empty() && time_of(heap_.front()) <= ms_of(horizon)) {
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
  // A heap entry is one 128-bit number: time (42 bits of ms), phase (2 bits) and
  // sequence (52 bits) from the top, the slot in the low 32 bits. Comparing two
  // entries as integers orders them by (time, phase, sequence); the slot never
  // decides, since sequences are unique. Four children fill one 64-byte line.
  // What the event is (kind, entity, data) waits in its slot until it is popped.
  __extension__ using Entry = unsigned __int128;
  static constexpr int kSlotBits = 32;
  static constexpr int kSeqBits = 52;
  static constexpr int kPhaseBits = 2;
  static constexpr std::uint64_t kSeqMask = (std::uint64_t{1} << kSeqBits) - 1;
  static constexpr int kSeqShift = kSlotBits;                  // within the entry
  static constexpr int kPhaseShift = kSeqShift + kSeqBits;     // 84
  static constexpr int kTimeShift = kPhaseShift + kPhaseBits;  // 86

  static std::int64_t time_of(Entry e) noexcept { return static_cast<std::int64_t>(e >> kTimeShift); }
  static std::uint32_t slot_of(Entry e) noexcept { return static_cast<std::uint32_t>(e); }
  static std::uint64_t seq_of(Entry e) noexcept { return static_cast<std::uint64_t>(e >> kSeqShift) & kSeqMask; }
  static Phase phase_of(Entry e) noexcept {
    return static_cast<Phase>(static_cast<std::uint64_t>(e >> kPhaseShift) & ((1u << kPhaseBits) - 1));
  }

  static constexpr std::uint32_t kNoLane = UINT32_MAX;
  struct Slot {
    std::uint64_t seq = 0;  // of the live event using it; 0 if cancelled or free
    std::uint16_t kind = 0;
    std::uint32_t entity = 0;
    std::uint32_t data = 0;
    std::uint32_t lane = kNoLane;  // the lane it was scheduled through, if any
  };
  // A lane's waiting events, in order, behind the one in the heap: a ring of
  // ring.size() (a power of two) entries, `count` of them from `first`.
  struct Lane {
    std::vector<Entry> ring = std::vector<Entry>(64);
    std::size_t first = 0;
    std::size_t count = 0;
    bool head_in_heap = false;
    Entry last = 0;  // the latest event scheduled through the lane while it is not empty
  };

  EventId schedule_entry(SimTime at, Phase phase, std::uint16_t kind, std::uint32_t entity, std::uint32_t data,
                         std::uint32_t lane, Entry& entry);

  bool pop(Event& out) noexcept;  // false if the popped entry was cancelled
  bool advance_lane(Lane& lane) noexcept;
  void sift_up(std::size_t i) noexcept;
  void sift_down(std::size_t i) noexcept;

  SimTime now_{};
  std::vector<Entry> heap_;  // 4-ary min-heap
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::vector<Lane> lanes_;
  std::size_t lane_waiting_ = 0;
  std::uint64_t next_seq_ = 1;
  std::uint64_t processed_ = 0;
  std::uint64_t budget_ = UINT64_MAX;
  std::stop_token stop_;
};

}  // namespace tracesim::kernel
