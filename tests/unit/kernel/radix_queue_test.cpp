// SPDX-License-Identifier: Apache-2.0
#include "tracesim/kernel/radix_queue.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "tracesim/kernel/rng.hpp"

using tracesim::kernel::KeyedEngine;
using tracesim::kernel::RadixQueue;
using Key = RadixQueue::Key;

namespace {
Key key(std::uint64_t hi, std::uint64_t lo) { return (static_cast<Key>(hi) << 64) | lo; }

// Pops everything, checking top() against the reference order as it goes.
void drain_in_order(RadixQueue& q, std::vector<Key>& reference) {
  std::sort(reference.begin(), reference.end());
  for (const Key k : reference) {
    REQUIRE(q.top() == k);
    q.pop();
  }
  CHECK(q.empty());
  CHECK(q.top() == RadixQueue::kNone);
}
}  // namespace

TEST_CASE("radix queue: an empty queue's top is kNone", "[kernel]") {
  RadixQueue q;
  CHECK(q.empty());
  CHECK(q.size() == 0);
  CHECK(q.top() == RadixQueue::kNone);
}

TEST_CASE("radix queue: keys pushed in any order come out sorted", "[kernel]") {
  RadixQueue q;
  KeyedEngine rng{7};
  std::vector<Key> reference;
  for (int i = 0; i < 5000; ++i) {
    const Key k = key(rng() >> 20, rng());  // spread over both halves of the key
    q.push(k);
    reference.push_back(k);
  }
  CHECK(q.size() == 5000);
  drain_in_order(q, reference);
}

TEST_CASE("radix queue: pushes between pops, never below the last pop, as in a simulation", "[kernel]") {
  // The hold model: each pop pushes one or two keys a random delay later, with
  // delays both within the same high word and across it.
  RadixQueue q;
  KeyedEngine rng{11};
  std::vector<Key> live;
  for (int i = 0; i < 200; ++i) {
    const Key k = key(rng() % 1000, rng());
    q.push(k);
    live.push_back(k);
  }
  for (int step = 0; step < 20000; ++step) {
    const auto least = std::min_element(live.begin(), live.end());
    REQUIRE(q.top() == *least);
    const Key now = *least;
    live.erase(least);
    q.pop();
    const int pushes = (step % 3 == 0) ? 2 : (live.size() < 50 ? 1 : step % 2);
    for (int j = 0; j < pushes; ++j) {
      const Key later = (rng() % 4 == 0) ? now + 1 + rng() % 1000 : now + (static_cast<Key>(1 + rng() % 500) << 64);
      q.push(later);
      live.push_back(later);
    }
  }
  CHECK(q.size() == live.size());
  drain_in_order(q, live);
}

TEST_CASE("radix queue: a key below the last one popped is still taken, first", "[kernel]") {
  RadixQueue q;
  for (const Key k : {key(5, 0), key(6, 0), key(1u << 20, 1), key(2, 8)}) q.push(k);
  CHECK(q.top() == key(2, 8));
  q.pop();
  CHECK(q.top() == key(5, 0));
  q.pop();            // the last popped key is now (5, 0)
  q.push(key(3, 0));  // below it, and further from it than (6, 0) is: the queue is rebuilt
  q.push(key(5, 0));  // equal to the last one popped
  CHECK(q.top() == key(3, 0));
  std::vector<Key> rest{key(6, 0), key(1u << 20, 1), key(3, 0), key(5, 0)};
  drain_in_order(q, rest);
}

TEST_CASE("radix queue: equal keys each come out once", "[kernel]") {
  RadixQueue q;
  std::vector<Key> reference;
  for (int i = 0; i < 3; ++i)
    for (const Key k : {key(3, 1), key(1, 1), key(3, 1), key(7, 0)}) {
      q.push(k);
      reference.push_back(k);
    }
  drain_in_order(q, reference);
}

TEST_CASE("radix queue: for_each visits every key held", "[kernel]") {
  RadixQueue q;
  std::vector<Key> pushed{key(1, 2), key(0, 9), key(8, 8), key(0, 1)};
  for (const Key k : pushed) q.push(k);
  q.pop();  // (0, 1)
  std::vector<Key> seen;
  q.for_each([&](Key k) { seen.push_back(k); });
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<Key>{key(0, 9), key(1, 2), key(8, 8)});
}
