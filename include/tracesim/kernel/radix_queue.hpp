// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tracesim::kernel {

/// A priority queue of 128-bit keys for keys that mostly grow: a radix heap.
///
/// Bucket 0 holds keys equal to `last`, the last key popped; bucket b > 0 the keys
/// whose highest bit differing from `last` is bit b - 1. Every key in a bucket is
/// below every key of a higher bucket, so the least key is the least of the first
/// non-empty bucket, kept up to date per bucket. Popping it makes it `last` and
/// moves the rest of its bucket to lower buckets; a key moves down at most 128
/// times and in practice a few, so a push is a bucket look-up and a pop is a few
/// moves, with no chain of comparisons as in a binary heap.
///
/// A discrete-event queue fits: what is pushed is never earlier than what was
/// popped, except an event scheduled at the current time in an earlier phase.
/// Such a key (below `last`) is still taken: the queue is rebuilt around it,
/// in time linear in its size.
///
/// The keys sit in one pool of nodes, each bucket a list through it, so a move
/// relinks a node and the pool grows only when the queue reaches a new size:
/// allocation-free from then on, however the keys spread over the buckets.
class RadixQueue {
 public:
  __extension__ using Key = unsigned __int128;
  static constexpr Key kNone = ~Key{0};  // top() of an empty queue

  RadixQueue() {
    head_.fill(kNil);
    bucket_min_.fill(kNone);
  }

  /// The least key, or kNone if the queue is empty.
  [[nodiscard]] Key top() const noexcept { return min_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

  void push(Key k) {
    const std::uint32_t n = new_node(k);
    ++size_;
    if (k < last_) [[unlikely]]
      return rebase(n);
    place(n);
    if (k < min_) min_ = k;
  }

  /// Removes top(). The queue must not be empty.
  void pop() noexcept {
    const std::size_t b = first_bucket();
    const std::uint32_t least = least_node_[b];
    std::uint32_t n = head_[b];
    head_[b] = kNil;
    bucket_min_[b] = kNone;
    mask_[b >> 6] &= ~(std::uint64_t{1} << (b & 63));
    last_ = nodes_[least].key;
    while (n != kNil) {  // the rest move to lower buckets (bucket 0's stay in it)
      const std::uint32_t next = nodes_[n].next;
      if (n != least) place(n);
      n = next;
    }
    nodes_[least].next = free_;
    free_ = least;
    --size_;
    min_ = size_ == 0 ? kNone : bucket_min_[first_bucket()];
  }

  /// Calls `f(key)` for every key, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (std::uint32_t n : head_)
      for (; n != kNil; n = nodes_[n].next) f(nodes_[n].key);
  }

 private:
  static constexpr std::size_t kBuckets = 129;
  static constexpr std::uint32_t kNil = ~std::uint32_t{0};

  struct Node {
    Key key;
    std::uint32_t next;  // in its bucket's list, or in the free list
  };

  // 0 if k == last_, else 1 + the index of the highest bit where they differ.
  [[nodiscard]] std::size_t bucket_of(Key k) const noexcept {
    const Key d = k ^ last_;
    const auto hi = static_cast<std::uint64_t>(d >> 64);
    const auto lo = static_cast<std::uint64_t>(d);
    if (hi != 0) return 128 - static_cast<std::size_t>(__builtin_clzll(hi));
    return lo == 0 ? 0 : 64 - static_cast<std::size_t>(__builtin_clzll(lo));
  }

  [[nodiscard]] std::size_t first_bucket() const noexcept {
    if (mask_[0] != 0) return static_cast<std::size_t>(__builtin_ctzll(mask_[0]));
    if (mask_[1] != 0) return 64 + static_cast<std::size_t>(__builtin_ctzll(mask_[1]));
    return 128;
  }

  std::uint32_t new_node(Key k) {
    std::uint32_t n = free_;
    if (n != kNil) {
      free_ = nodes_[n].next;
    } else {
      n = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
    }
    nodes_[n].key = k;
    return n;
  }

  void place(std::uint32_t n) noexcept {
    const Key k = nodes_[n].key;
    const std::size_t b = bucket_of(k);
    nodes_[n].next = head_[b];
    head_[b] = n;
    if (k < bucket_min_[b]) {
      bucket_min_[b] = k;
      least_node_[b] = n;
    }
    mask_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }

  // Node `n`'s key is below `last_`, so below every key held: it becomes `last_`,
  // and every key is placed again relative to it.
  [[gnu::cold, gnu::noinline]] void rebase(std::uint32_t n) noexcept {
    std::uint32_t all = kNil;  // every held node, chained
    for (std::uint32_t& h : head_) {
      while (h != kNil) {
        const std::uint32_t next = nodes_[h].next;
        nodes_[h].next = all;
        all = h;
        h = next;
      }
    }
    bucket_min_.fill(kNone);
    mask_ = {};
    last_ = nodes_[n].key;
    while (all != kNil) {
      const std::uint32_t next = nodes_[all].next;
      place(all);
      all = next;
    }
    place(n);
    min_ = last_;
  }

  std::vector<Node> nodes_;
  std::uint32_t free_ = kNil;                         // first free node
  std::array<std::uint32_t, kBuckets> head_;          // first node of each bucket, kNil if empty
  std::array<Key, kBuckets> bucket_min_;              // least key of each bucket, kNone if empty
  std::array<std::uint32_t, kBuckets> least_node_{};  // its node
  std::array<std::uint64_t, 3> mask_{};               // bit b: bucket b holds a key
  Key last_ = 0;
  Key min_ = kNone;
  std::size_t size_ = 0;
};

}  // namespace tracesim::kernel
