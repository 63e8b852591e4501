// SPDX-License-Identifier: Apache-2.0
#include "tracesim/kernel/simulator.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <string>
#include <utility>

namespace tracesim::kernel {

EventBudgetExceeded::EventBudgetExceeded(std::uint64_t budget, SimTime at)
    : std::runtime_error("event budget exhausted: more than " + std::to_string(budget) + " events by simulated time " +
                         std::to_string(ms_of(at)) +
                         " ms; the scenario is running away, or raise the budget if the run is "
                         "genuinely this large"),
      budget_{budget},
      at_{at} {}

Simulator::Simulator() {
  heap_.reserve(1024);
  heap_.push_back(kNone);  // the sentinel: the heap's top is never missing
  slots_.reserve(1024);
  free_slots_.reserve(1024);
  std::fill(std::begin(bucket_first_), std::end(bucket_first_), kNoChunk);
  std::fill(std::begin(bucket_last_), std::end(bucket_last_), kNoChunk);
}

namespace {
[[noreturn, gnu::cold, gnu::noinline]] void refuse_time(SimTime at, SimTime now) {
  if (at < now) {
    throw std::invalid_argument("schedule_at: time " + std::to_string(ms_of(at)) + " ms is before now (" +
                                std::to_string(ms_of(now)) + " ms)");
  }
  throw std::invalid_argument("schedule_at: time " + std::to_string(ms_of(at)) +
                              " ms is beyond the latest the event queue holds (" +
                              std::to_string(Simulator::kMaxTimeMs) + " ms, about 139 years)");
}
}  // namespace

inline EventId Simulator::schedule_entry(SimTime at, Phase phase, std::uint16_t kind, std::uint32_t entity,
                                         std::uint32_t data, Entry& entry) {
  if (at < now_ || ms_of(at) > kMaxTimeMs) [[unlikely]]
    refuse_time(at, now_);
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
    // pop() returns every slot to free_slots_; size it with the slot table so
    // that pop never allocates.
    if (free_slots_.capacity() < slots_.capacity()) free_slots_.reserve(slots_.capacity());
  }
  // 2^52 sequences: at a billion events a second, 52 days of events in one run.
  const std::uint64_t seq = next_seq_++ & kSeqMask;
  slots_[slot] = Slot{seq, kind, entity, data};
  entry = (static_cast<Entry>(static_cast<std::uint64_t>(ms_of(at))) << kTimeShift) |
          (static_cast<Entry>(static_cast<std::uint64_t>(phase) & 3u) << kPhaseShift) |
          (static_cast<Entry>(seq) << kSeqShift) | slot;
  return EventId{slot, seq};
}

EventId Simulator::schedule_at(SimTime at, Phase phase, std::uint16_t kind, std::uint32_t entity, std::uint32_t data) {
  Entry entry;
  const EventId id = schedule_entry(at, phase, kind, entity, data, entry);
  if (entry < window_end_ || entry >= buckets_end_)
    push_heap(entry);
  else
    push_bucket(entry);
  return id;
}

std::uint32_t Simulator::new_chunk() {
  if (free_chunk_ == kNoChunk) {  // only at a new peak of bucketed events
    chunks_.emplace_back();
    return static_cast<std::uint32_t>(chunks_.size() - 1);
  }
  const std::uint32_t c = free_chunk_;
  free_chunk_ = chunks_[c].next;
  chunks_[c].next = kNoChunk;
  return c;
}

// Appends `e`, due in one of the windows after the open one, to its window's bucket.
void Simulator::push_bucket(Entry e) {
  const auto b = static_cast<std::size_t>(time_of(e) >> kWindowShift) & (kBuckets - 1);
  std::uint32_t last = bucket_last_[b];
  if (last == kNoChunk || chunks_[last].count == Chunk::kEntries) {
    const std::uint32_t c = new_chunk();
    (last == kNoChunk ? bucket_first_[b] : chunks_[last].next) = c;
    bucket_last_[b] = last = c;
  }
  Chunk& chunk = chunks_[last];
  chunk.entries[chunk.count++] = e;
  ++bucketed_;
}

// Called when `next`, the earliest entry in the heap and the lanes, is not in
// the open window: the windows up to its time open, each moving its bucket into
// the heap (cancelled events leave there and then), until the earliest entry is
// in the open window. The buckets hold events of the next kBuckets windows
// only, so this ends after as many openings at most.
Simulator::Entry Simulator::open_windows(Entry next) {
  while (bucketed_ > 0 && next >= window_end_) {
    const auto b = static_cast<std::size_t>(time_of(window_end_) >> kWindowShift) & (kBuckets - 1);
    for (std::uint32_t c = bucket_first_[b]; c != kNoChunk;) {
      Chunk& chunk = chunks_[c];
      for (std::uint32_t k = 0; k < chunk.count; ++k) {
        const Entry e = chunk.entries[k];
        if (slots_[slot_of(e)].seq == seq_of(e)) {
          push_heap(e);
        } else {
          free_slots_.push_back(slot_of(e));
        }
      }
      bucketed_ -= chunk.count;
      const std::uint32_t following = chunk.next;
      chunk.count = 0;
      chunk.next = free_chunk_;
      free_chunk_ = c;
      c = following;
    }
    bucket_first_[b] = bucket_last_[b] = kNoChunk;
    window_end_ += at_time(kWindowMs);
    buckets_end_ += at_time(kWindowMs);
    next = earliest();
  }
  if (next >= window_end_ && next != kNone) {  // nothing in the buckets: the window jumps to `next`
    window_end_ = at_time(((time_of(next) >> kWindowShift) + 1) << kWindowShift);
    buckets_end_ = window_end_ + at_time(static_cast<std::int64_t>(kBuckets) * kWindowMs);
  }
  return next;
}

Simulator::LaneId Simulator::add_lane() {
  if (lanes_.size() == kMaxLanes) throw std::length_error("Simulator: at most 64 lanes");
  lanes_.emplace_back();
  lane_heads_.push_back(kNone);
  return static_cast<LaneId>(lanes_.size() - 1);
}

EventId Simulator::schedule_in_lane(LaneId lane, SimTime at, Phase phase, std::uint16_t kind, std::uint32_t entity,
                                    std::uint32_t data) {
  Lane& l = lanes_.at(lane);
  // Sequences grow, so an event whose (time, phase) is not below the lane's last
  // one comes after it in the queue's order: the lane stays sorted.
  const Entry time_phase = (static_cast<Entry>(static_cast<std::uint64_t>(ms_of(at))) << kTimeShift) |
                           (static_cast<Entry>(static_cast<std::uint64_t>(phase) & 3u) << kPhaseShift);
  if (l.count > 0 && time_phase < (l.last >> kPhaseShift << kPhaseShift)) {
    return schedule_at(at, phase, kind, entity, data);
  }
  Entry entry;
  const EventId id = schedule_entry(at, phase, kind, entity, data, entry);
  l.last = entry;
  if (l.count == l.ring.size()) {
    // Full: double the ring, its entries in order from the start (only at a new peak).
    std::vector<Entry> bigger(2 * l.ring.size());
    for (std::size_t k = 0; k < l.count; ++k) bigger[k] = l.ring[(l.first + k) & (l.ring.size() - 1)];
    l.ring.swap(bigger);
    l.first = 0;
  }
  l.ring[(l.first + l.count++) & (l.ring.size() - 1)] = entry;
  ++lane_waiting_;
  if (l.count == 1) {
    lane_heads_[lane] = entry;
    lanes_holding_ |= std::uint64_t{1} << lane;
    if (entry < lane_head_) {  // a new head, earlier than every other lane's
      lane_head_ = entry;
      head_lane_ = lane;
    }
  }
  return id;
}

std::vector<Event> Simulator::pending_events() const {
  std::vector<Entry> live;
  live.reserve(pending());
  const auto keep = [&](Entry e) {
    if (e != kNone && slots_[slot_of(e)].seq == seq_of(e)) live.push_back(e);
  };
  for (const Entry e : heap_) keep(e);
  for (const std::uint32_t first : bucket_first_)
    for (std::uint32_t c = first; c != kNoChunk; c = chunks_[c].next)
      for (std::uint32_t k = 0; k < chunks_[c].count; ++k) keep(chunks_[c].entries[k]);
  for (const Lane& l : lanes_)
    for (std::size_t k = 0; k < l.count; ++k) keep(l.ring[(l.first + k) & (l.ring.size() - 1)]);
  std::sort(live.begin(), live.end());  // as integers: by (time, phase, sequence)
  std::vector<Event> out;
  out.reserve(live.size());
  for (const Entry e : live) {
    const Slot& s = slots_[slot_of(e)];
    out.push_back(Event{at_ms(time_of(e)), phase_of(e), s.kind, s.entity, s.data});
  }
  return out;
}

bool Simulator::cancel(EventId id) noexcept {
  if (id.seq == 0 || id.slot >= slots_.size() || slots_[id.slot].seq != id.seq) return false;
  slots_[id.slot].seq = 0;
  return true;
}

bool Simulator::pop(Entry top, Event& out) noexcept {
  if (top != lane_head_) {            // the heap's top (sequences are unique: never both)
    const Entry last = heap_.back();  // the sentinel stays: at worst it is `last`
    heap_.pop_back();
    sift_down_from_root(last);
  } else {
    pop_lane();
  }
  Slot& slot = slots_[slot_of(top)];
  const bool live = slot.seq == seq_of(top);
  slot.seq = 0;
  free_slots_.push_back(slot_of(top));  // capacity reserved by schedule: never reallocates here
  if (!live) return false;
  out.time = at_ms(time_of(top));
  out.phase = phase_of(top);
  out.kind = slot.kind;
  out.entity = slot.entity;
  out.data = slot.data;
  return true;
}

// Takes the earliest lane head. Cancelled events behind it leave at once, so
// the lane's next head is live (or the lane is empty).
void Simulator::pop_lane() noexcept {
  Lane& lane = lanes_[head_lane_];
  lane.first = (lane.first + 1) & (lane.ring.size() - 1);
  --lane.count;
  --lane_waiting_;
  while (lane.count > 0) {
    const Entry e = lane.ring[lane.first];
    if (slots_[slot_of(e)].seq == seq_of(e)) break;
    slots_[slot_of(e)].seq = 0;
    free_slots_.push_back(slot_of(e));
    lane.first = (lane.first + 1) & (lane.ring.size() - 1);
    --lane.count;
    --lane_waiting_;
  }
  if (lane.count > 0)
    lane_heads_[head_lane_] = lane.ring[lane.first];
  else
    lanes_holding_ &= ~(std::uint64_t{1} << head_lane_);
  find_lane_head();
}

// Only the lanes holding events, their heads side by side: most lanes are empty
// most of the time, and the scan reads one short array, not every lane's record.
void Simulator::find_lane_head() noexcept {
  lane_head_ = kNone;
  for (std::uint64_t bits = lanes_holding_; bits != 0; bits &= bits - 1) {
    const auto k = static_cast<std::uint32_t>(std::countr_zero(bits));
    if (lane_heads_[k] < lane_head_) {
      lane_head_ = lane_heads_[k];
      head_lane_ = k;
    }
  }
}

void Simulator::sift_up(std::size_t i) noexcept {
  Entry* const h = heap_.data();
  const Entry moving = h[i];
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!(moving < h[parent])) break;
    h[i] = h[parent];
    i = parent;
  }
  h[i] = moving;
}

// `moving` is placed where it belongs, starting at the root: it is never written
// there first. (Copied to the root as one 16-byte value, it used to be read back
// as two 8-byte halves; and heap_.back(), written as two halves by sift_up, was
// read as one 16-byte value, which the processor could not forward: taken as a
// value in registers, it is loaded as the halves it was stored as.)
void Simulator::sift_down_from_root(Entry moving) noexcept {
  Entry* const h = heap_.data();
  const std::size_t n = heap_.size();
  std::size_t i = 0;
  for (;;) {
    const std::size_t first = 4 * i + 1;
    std::size_t best = first;
    Entry best_entry;
    if (first + 4 <= n) {
      // Four children: a tournament whose winners are indices computed with
      // arithmetic, so the compiler emits no data-dependent branch (a branch here
      // is mispredicted about half the time).
      const std::size_t a = first + static_cast<std::size_t>(h[first + 1] < h[first]);
      const std::size_t b = first + 2 + static_cast<std::size_t>(h[first + 3] < h[first + 2]);
      const std::size_t b_wins = std::size_t{0} - static_cast<std::size_t>(h[b] < h[a]);
      best = a ^ ((a ^ b) & b_wins);
      best_entry = h[best];
    } else {
      if (first >= n) break;
      best_entry = h[first];
      for (std::size_t c = first + 1; c < n; ++c) {
        const bool smaller = h[c] < best_entry;
        best = smaller ? c : best;
        best_entry = smaller ? h[c] : best_entry;
      }
    }
    if (!(best_entry < moving)) break;
    h[i] = best_entry;
    i = best;
  }
  h[i] = moving;
}

}  // namespace tracesim::kernel
