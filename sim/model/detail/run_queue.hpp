// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace tracesim::model::detail {

/// Entries that arrive (mostly) in order and leave from the front: a vector and the
/// index of its first live entry. Taking the front moves the index; the taken
/// prefix is dropped when the queue empties, or once it is over half the vector
/// (amortised constant time), so the storage follows the entries waiting.
template <class T>
class RunQueue {
 public:
  [[nodiscard]] bool empty() const noexcept { return head_ == entries_.size(); }
  [[nodiscard]] const T& front() const noexcept { return entries_[head_]; }
  [[nodiscard]] const T& back() const noexcept { return entries_.back(); }
  void pop_front() noexcept { ++head_; }

  /// Adds `e` last; the caller keeps the order.
  void push_back(const T& e) {
    drop_taken();
    entries_.push_back(e);
  }
  /// Adds an entry made of `fields` last (a trivially copied temporary: nothing
  /// passed by value through a call). The braces make it aggregate
  /// initialisation, which clang 14 does not do from parentheses.
  template <class... Fields>
  void emplace_back(Fields&&... fields) {
    drop_taken();
    entries_.push_back(T{std::forward<Fields>(fields)...});
  }
  /// Adds `e` before the first waiting entry that `e` is less than, keeping a
  /// sorted queue sorted (an entry that came out of order).
  void insert_sorted(const T& e) {
    drop_taken();
    entries_.insert(std::upper_bound(begin(), entries_.end(), e), e);
  }

  /// The waiting entries, first to last.
  [[nodiscard]] auto begin() const noexcept { return entries_.begin() + static_cast<std::ptrdiff_t>(head_); }
  [[nodiscard]] auto end() const noexcept { return entries_.end(); }

 private:
  [[nodiscard]] auto begin() noexcept { return entries_.begin() + static_cast<std::ptrdiff_t>(head_); }

  void drop_taken() {
    if (empty()) {  // all taken: start again from the front
      entries_.clear();
      head_ = 0;
    } else if (head_ > 1024 && 2 * head_ > entries_.size()) {  // drop the taken prefix: amortised
      entries_.erase(entries_.begin(), begin());
      head_ = 0;
    }
  }

  std::vector<T> entries_;
  std::size_t head_ = 0;
};

}  // namespace tracesim::model::detail
