// SPDX-License-Identifier: Apache-2.0
// The task store and the books at the horizon: slots, keys, finalisation, counts.
#include <catch2/catch.hpp>

#include "../../../sim/model/task_store.hpp"
#include "../../support/builders.hpp"
#include "tracesim/model/plan.hpp"

using namespace tracesim;
using model::detail::TaskState;
using model::detail::TaskStore;

TEST_CASE("model: the task store keys contacts by their case and reuses freed slots", "[model][task_store]") {
  const model::Plan plan = model::compile(test::micro_platform({1}));
  model::detail::Tally tally{plan, nullptr};
  TaskStore store;
  const std::uint32_t c = store.new_case(77);
  store[c].segment = 0;
  CHECK(store[c].state == TaskState::Scheduled);
  CHECK(store[c].type == model::TaskType::IndexInterview);
  const std::uint32_t k1 = store.new_contact(c);
  const std::uint32_t k2 = store.new_contact(c);
  CHECK(store[k1].key == kernel::combine(77, 0));
  CHECK(store[k2].key == kernel::combine(77, 1));
  CHECK(store[c].contacts_created == 2);
  CHECK(store[k1].type == model::TaskType::ContactCall);
  // One contact arrives and waits, the other is reached; the case is still to arrive.
  store[k1].state = TaskState::Queued;
  store[k2].state = TaskState::InCall;
  const std::uint32_t gen = store[k2].gen;
  store.finalize(k2, model::FinalState::ReachedByCall, kernel::SimTime{}, tally);
  CHECK(store[k2].state == TaskState::Free);
  CHECK(store[k2].gen == gen + 1);  // its queued entries and events are stale
  const auto h = store.close(tally);
  CHECK(h.slots == 3);
  CHECK(h.free_slots == 1);
  CHECK(h.not_yet_arrived == 1);
  // The freed slot is taken again, with a newer generation.
  CHECK(store.new_case(78) == k2);
  CHECK(store[k2].gen == gen + 2);
}
