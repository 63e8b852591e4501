// SPDX-License-Identifier: Apache-2.0
// The outbound work list on its own: ranks, disciplines, task types, lazy removal.
#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "../../../sim/model/work_list.hpp"

using namespace tracesim;
using model::Discipline;
using model::TaskType;
using model::detail::WorkList;

namespace {

constexpr std::array<bool, model::kTaskTypes> kBoth{true, true};

auto always_live() {
  return [](std::uint32_t, std::uint32_t) { return true; };
}

std::vector<std::uint32_t> drain(WorkList& list, std::array<bool, model::kTaskTypes> allowed = kBoth) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t t; (t = list.pop_best(allowed, always_live())) != WorkList::kNoTask;) order.push_back(t);
  return order;
}

}  // namespace

TEST_CASE("model: the work list serves each discipline in its order, ties by insertion", "[model][work_list]") {
  // Tasks 0, 1, 2 pushed in that order with deadlines 30, 10, 10 (ms).
  const auto fill = [](WorkList& list) {
    list.push(0, TaskType::ContactCall, 30, 0, 0);
    list.push(0, TaskType::ContactCall, 10, 1, 0);
    list.push(0, TaskType::ContactCall, 10, 2, 0);
  };
  WorkList fifo;
  fifo.configure(1, Discipline::Fifo, false);
  fill(fifo);
  CHECK(drain(fifo) == std::vector<std::uint32_t>{0, 1, 2});
  WorkList lifo;
  lifo.configure(1, Discipline::Lifo, false);
  fill(lifo);
  CHECK(drain(lifo) == std::vector<std::uint32_t>{2, 1, 0});
  WorkList edf;
  edf.configure(1, Discipline::EarliestDeadlineFirst, false);
  fill(edf);
  CHECK(drain(edf) == std::vector<std::uint32_t>{1, 2, 0});  // equal deadlines: first pushed first
}

TEST_CASE("model: the work list empties a higher rank before looking at the next", "[model][work_list]") {
  WorkList list;
  list.configure(2, Discipline::EarliestDeadlineFirst, false);
  list.push(1, TaskType::ContactCall, 5, 10, 0);      // rank 1, due first
  list.push(0, TaskType::IndexInterview, 50, 20, 0);  // rank 0 (priority), due later
  CHECK(drain(list) == std::vector<std::uint32_t>{20, 10});
}

TEST_CASE("model: within a rank, index cases go first only when asked to", "[model][work_list]") {
  for (const bool index_first : {false, true}) {
    WorkList list;
    list.configure(1, Discipline::EarliestDeadlineFirst, index_first);
    list.push(0, TaskType::ContactCall, 5, 1, 0);
    list.push(0, TaskType::IndexInterview, 9, 2, 0);
    CAPTURE(index_first);
    CHECK(drain(list) == (index_first ? std::vector<std::uint32_t>{2, 1} : std::vector<std::uint32_t>{1, 2}));
  }
}

TEST_CASE("model: the work list offers only the allowed task types", "[model][work_list]") {
  WorkList list;
  list.configure(1, Discipline::Fifo, false);
  list.push(0, TaskType::IndexInterview, 0, 1, 0);
  list.push(0, TaskType::ContactCall, 0, 2, 0);
  CHECK(drain(list, {false, true}) == std::vector<std::uint32_t>{2});
  CHECK(drain(list, {true, true}) == std::vector<std::uint32_t>{1});
}

TEST_CASE("model: stale entries are dropped when they reach the top", "[model][work_list]") {
  WorkList list;
  list.configure(1, Discipline::Fifo, false);
  list.push(0, TaskType::ContactCall, 0, 1, 0);  // generation 0: superseded below
  list.push(0, TaskType::ContactCall, 0, 2, 0);
  list.push(0, TaskType::ContactCall, 0, 1, 1);  // task 1 queued again
  const std::set<std::pair<std::uint32_t, std::uint32_t>> live{{1, 1}, {2, 0}};
  const auto is_live = [&](std::uint32_t task, std::uint32_t gen) { return live.count({task, gen}) > 0; };
  std::vector<std::uint32_t> order;
  for (std::uint32_t t; (t = list.pop_best(kBoth, is_live)) != WorkList::kNoTask;) order.push_back(t);
  CHECK(order == std::vector<std::uint32_t>{2, 1});
}

namespace {

// Pushes and pops at random against a reference that keeps every entry and picks,
// at each pop, the lowest rank with an allowed live entry, then the least
// (deadline, insertion) in it. `deadline(step, draw)` gives each new entry's deadline.
template <class Deadline>
void check_against_reference(std::size_t ranks, int steps, unsigned push_percent, Deadline&& deadline) {
  struct Ref {
    std::size_t rank;
    std::size_t type;
    std::int64_t deadline;
    std::uint64_t seq;
    std::uint32_t task;
  };
  WorkList list;
  list.configure(ranks, Discipline::EarliestDeadlineFirst, false);
  std::vector<Ref> ref;
  std::set<std::uint32_t> dead;
  const auto is_live = [&](std::uint32_t task, std::uint32_t) { return dead.count(task) == 0; };
  std::uint64_t state = 12345;
  const auto next = [&] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  std::uint64_t seq = 0;
  std::uint32_t task = 0;
  for (int step = 0; step < steps; ++step) {
    if (next() % 100 < push_percent) {
      const Ref r{next() % ranks, next() % model::kTaskTypes, deadline(step, next()), seq++, task++};
      list.push(r.rank, static_cast<TaskType>(r.type), r.deadline, r.task, 0);
      ref.push_back(r);
      if (next() % 5 == 0) dead.insert(r.task);  // superseded before it is served
      continue;
    }
    const std::array<bool, model::kTaskTypes> allowed{next() % 4 != 0, next() % 4 != 0};
    auto best = ref.end();
    for (auto it = ref.begin(); it != ref.end(); ++it) {
      if (!allowed[it->type] || dead.count(it->task)) continue;
      if (best == ref.end() || it->rank < best->rank ||
          (it->rank == best->rank && std::tie(it->deadline, it->seq) < std::tie(best->deadline, best->seq)))
        best = it;
    }
    const std::uint32_t got = list.pop_best(allowed, is_live);
    if (best == ref.end()) {
      REQUIRE(got == WorkList::kNoTask);
    } else {
      REQUIRE(got == best->task);
      ref.erase(best);
    }
  }
}

}  // namespace

TEST_CASE("model: with many ranks, pushes and pops between them match a plain scan of every entry",
          "[model][work_list]") {
  // 40 ranks: 80 queues, more than one word of the list's record of non-empty queues.
  check_against_reference(40, 4000, 67, [](int, std::uint64_t draw) { return static_cast<std::int64_t>(draw % 50); });
}

TEST_CASE("model: deadlines mostly in order, some earlier (retries), match a plain scan of every entry",
          "[model][work_list]") {
  // As on a platform: a deadline a fixed delay after each arrival, and one in ten
  // entries back with an earlier deadline: long runs of entries in order, more than
  // a thousand taken from the front of one before it empties.
  check_against_reference(1, 20000, 60, [](int step, std::uint64_t draw) {
    return draw % 10 == 0 ? static_cast<std::int64_t>(step) - static_cast<std::int64_t>(draw % 500)
                          : static_cast<std::int64_t>(step);
  });
}
