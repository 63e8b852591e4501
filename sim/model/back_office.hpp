// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "detail/entities.hpp"
#include "detail/run_queue.hpp"
#include "tracesim/model/plan.hpp"

// Back-office work (private to the model): certificates, sick-leave requests,
// e-mails, reminders - agent time without a phone call, born when a person is
// interviewed by phone, each item with its own work and deadline. Items wait
// in earliest-deadline order; an agent takes one when it has no call to make or
// answer (the coordinator decides when) and is never interrupted. See
// docs/model.md, "Back-office work".
namespace tracesim::model::detail {

struct BackOfficeItem {
  SimTime created{};
  SimTime deadline{};
  Duration work{0};
  std::uint16_t kind = 0;
  bool in_hand = false;  // taken by an agent
  bool live = false;     // born and not done
  std::uint32_t gen = 0;
};

class BackOffice {
 public:
  BackOffice();

  /// The items born now (`now`) of the person of engine key `key` and task
  /// type `type`, just reached by call, under `rules` (one per kind). Per kind:
  /// the whole part of the expected number, plus one with the probability of
  /// its fractional part (no draw when it is whole), then each item's work;
  /// all drawn from the engine keyed by (person, BackOffice stream, kind), so
  /// staffing never moves them. Returns how many were born.
  std::uint32_t born(const std::vector<BackOfficeRule>& rules, std::uint64_t key, TaskType type, SimTime now);

  /// Whether an item waits for an agent.
  [[nodiscard]] bool waiting() const noexcept { return waiting_ > 0; }
  /// What take() returns when no item waits.
  static constexpr std::uint32_t kNone = ~std::uint32_t{0};
  /// Takes the waiting item with the earliest deadline (ties: birth order), or kNone.
  /// (A plain number, not an optional: the optional's flag, written as a byte and
  /// read back with its value, stalled the processor at every item taken.)
  std::uint32_t take();
  [[nodiscard]] const BackOfficeItem& item(std::uint32_t i) const noexcept { return items_[i]; }
  /// Item `i`, in hand, is done at `now`: its slot is freed. True if after its deadline.
  bool finish(std::uint32_t i, SimTime now);

  /// The waiting items in the order they were born (saved in a snapshot).
  [[nodiscard]] std::vector<std::uint32_t> waiting_in_order() const;
  /// An item restored from a snapshot: waits behind those restored before it.
  void restore(SimTime created, SimTime deadline, Duration work, std::uint16_t kind);

  /// Items born and not done (waiting or in hand), counted one by one.
  [[nodiscard]] std::uint64_t pending() const noexcept;
  [[nodiscard]] std::uint64_t slots() const noexcept { return items_.size(); }
  [[nodiscard]] std::uint64_t free_slots() const noexcept { return free_.size(); }

 private:
  struct Entry {
    std::int64_t deadline_ms;
    std::uint64_t seq;
    std::uint32_t item;
    friend bool operator<(const Entry& a, const Entry& b) noexcept {
      return a.deadline_ms < b.deadline_ms || (a.deadline_ms == b.deadline_ms && a.seq < b.seq);
    }
  };
  // One kind's waiting items in (deadline, birth) order. A kind's deadline is a
  // fixed delay after birth, so items born later go last: a queue, not a heap.
  // Only an item restored out of that order is inserted.
  using Queue = RunQueue<Entry>;
  // Built in place from its fields: an Entry passed by value was written as two
  // words and read back as one 16-byte copy, which the processor could not forward.
  void add(std::uint16_t kind, std::int64_t deadline_ms, std::uint32_t item);

  std::vector<BackOfficeItem> items_;
  std::vector<std::uint32_t> free_;
  std::vector<Queue> queues_;  // by kind
  std::size_t waiting_ = 0;
  std::uint64_t next_seq_ = 0;
};

}  // namespace tracesim::model::detail
