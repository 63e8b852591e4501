// SPDX-License-Identifier: Apache-2.0
// A replication's RunResult as bytes: every field, in declaration order, in the
// byte order of the machine (the ranks of a job run the same build). A field
// added to results.hpp must be added here too: the size checks below fail the
// build until it is, so a result never loses a field on its way to rank 0.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>

#include "tracesim/cluster/cluster.hpp"

namespace tracesim::cluster {
namespace {

static_assert(std::is_trivially_copyable_v<model::DayStats>, "DayStats is copied as bytes");
// The structs copied field by field; a new field changes their size.
static_assert(sizeof(model::TaskTotals) == 13 * 8 + 2 * sizeof(model::ReachTimes) + 4 * 8,
              "TaskTotals changed: update encode() and decode()");
static_assert(sizeof(model::ReachTimes) == sizeof(std::vector<std::uint32_t>) + 16,
              "ReachTimes changed: update encode() and decode()");
static_assert(sizeof(model::WaitTimes) == sizeof(std::vector<std::uint32_t>) + 8,
              "WaitTimes changed: update encode() and decode()");
static_assert(sizeof(model::InboundTotals) == 11 * 8 + sizeof(model::WaitTimes),
              "InboundTotals changed: update encode() and decode()");
static_assert(sizeof(model::PoolTotals) == sizeof(std::string) + 6 * 8,
              "PoolTotals changed: update encode() and decode()");
static_assert(std::is_trivially_copyable_v<model::BackOfficeTotals> && sizeof(model::BackOfficeTotals) == 6 * 8,
              "BackOfficeTotals changed: update encode() and decode()");
// events; the three flags; back_office; back_office_kinds and warm_up_days; initial_state;
// snapshots (not carried: run --snapshot-at refuses MPI ranks)
static_assert(sizeof(model::RunResult) == sizeof(std::vector<model::DayStats>) + sizeof(model::RunResult::tasks) +
                                              sizeof(std::vector<model::PoolTotals>) + sizeof(model::InboundTotals) +
                                              8 + 8 + sizeof(model::BackOfficeTotals) + 8 + 8 +
                                              sizeof(std::vector<model::Snapshot>),
              "RunResult changed: update encode() and decode()");

constexpr std::uint32_t kMagic = 0x54524331;  // "TRC1"

class Writer {
 public:
  template <class T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&value);
    out_.append(p, sizeof value);
  }
  template <class T>
  void put_vector(const std::vector<T>& v) {
    put<std::uint64_t>(v.size());
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put_string(const std::string& s) {
    put<std::uint64_t>(s.size());
    out_ += s;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(const std::string& in) : in_{in} {}
  template <class T>
  T get() {
    T value;
    std::memcpy(&value, take(sizeof value), sizeof value);
    return value;
  }
  template <class T>
  std::vector<T> get_vector() {
    const auto n = get<std::uint64_t>();
    if (n > (in_.size() - at_) / sizeof(T)) fail();
    std::vector<T> v(n);
    if (n > 0) std::memcpy(v.data(), take(n * sizeof(T)), n * sizeof(T));
    return v;
  }
  std::string get_string() {
    const auto n = get<std::uint64_t>();
    if (n > in_.size() - at_) fail();
    return std::string{take(n), n};
  }
  [[nodiscard]] bool at_end() const { return at_ == in_.size(); }
  [[noreturn]] static void fail() { throw std::runtime_error("a replication's results arrived damaged"); }

 private:
  const char* take(std::size_t n) {
    if (n > in_.size() - at_) fail();
    const char* p = in_.data() + at_;
    at_ += n;
    return p;
  }
  const std::string& in_;
  std::size_t at_ = 0;
};

void put_reach(Writer& w, const model::ReachTimes& r) {
  w.put_vector(r.minutes);
  w.put(r.count);
  w.put(r.sum_ms);
}

model::ReachTimes get_reach(Reader& r) {
  model::ReachTimes t;
  t.minutes = r.get_vector<std::uint32_t>();
  t.count = r.get<std::uint64_t>();
  t.sum_ms = r.get<std::int64_t>();
  return t;
}

}  // namespace

std::string encode(const model::RunResult& result) {
  Writer w;
  w.put(kMagic);
  w.put_vector(result.days);
  for (const auto& t : result.tasks) {
    for (auto v : {t.arrived, t.reached_call, t.reached_sms, t.not_reached, t.pending, t.reached_within_12h,
                   t.reached_within_24h, t.reached_within_deadline, t.attempts, t.connected, t.sms_sent, t.named,
                   t.stale_dropped, t.stale_to_sms, t.to_national, t.appointments, t.initial})
      w.put(v);
    put_reach(w, t.reach_times);
    put_reach(w, t.first_call_times);
  }
  w.put<std::uint64_t>(result.pools.size());
  for (const auto& p : result.pools) {
    w.put_string(p.name);
    w.put(p.staffed_ms);
    w.put(p.busy_ms);
    w.put(p.overtime_ms);
    w.put(p.attempts);
    w.put(p.inbound_answered);
    w.put(p.active_days);
  }
  const auto& in = result.inbound;
  for (auto v : {in.offered, in.answered, in.abandoned, in.refused_closed, in.waiting_at_horizon,
                 in.answered_within_threshold, in.waited})
    w.put(v);
  for (auto v : {in.wait_answered_ms, in.wait_all_ms}) w.put(v);
  w.put(in.queue_area_ms);
  w.put(in.horizon_ms);
  w.put_vector(in.answered_waits.seconds);
  w.put(in.answered_waits.count);
  w.put(result.events);
  w.put<std::uint8_t>(result.stopped ? 1 : 0);
  w.put<std::uint8_t>(result.stale_rules ? 1 : 0);
  w.put<std::uint8_t>(result.outcomes ? 1 : 0);
  w.put(result.back_office);
  w.put<std::uint8_t>(result.back_office_kinds ? 1 : 0);
  w.put(result.warm_up_days);
  w.put<std::uint8_t>(result.initial_state ? 1 : 0);
  return w.take();
}

model::RunResult decode(const std::string& bytes) {
  Reader r{bytes};
  if (r.get<std::uint32_t>() != kMagic) Reader::fail();
  model::RunResult result;
  result.days = r.get_vector<model::DayStats>();
  for (auto& t : result.tasks) {
    for (auto* v : {&t.arrived, &t.reached_call, &t.reached_sms, &t.not_reached, &t.pending, &t.reached_within_12h,
                    &t.reached_within_24h, &t.reached_within_deadline, &t.attempts, &t.connected, &t.sms_sent,
                    &t.named, &t.stale_dropped, &t.stale_to_sms, &t.to_national, &t.appointments, &t.initial})
      *v = r.get<std::uint64_t>();
    t.reach_times = get_reach(r);
    t.first_call_times = get_reach(r);
  }
  const auto pools = r.get<std::uint64_t>();
  if (pools > bytes.size()) Reader::fail();
  result.pools.resize(pools);
  for (auto& p : result.pools) {
    p.name = r.get_string();
    p.staffed_ms = r.get<std::int64_t>();
    p.busy_ms = r.get<std::int64_t>();
    p.overtime_ms = r.get<std::int64_t>();
    p.attempts = r.get<std::uint64_t>();
    p.inbound_answered = r.get<std::uint64_t>();
    p.active_days = r.get<std::uint32_t>();
  }
  auto& in = result.inbound;
  for (auto* v : {&in.offered, &in.answered, &in.abandoned, &in.refused_closed, &in.waiting_at_horizon,
                  &in.answered_within_threshold, &in.waited})
    *v = r.get<std::uint64_t>();
  for (auto* v : {&in.wait_answered_ms, &in.wait_all_ms}) *v = r.get<std::int64_t>();
  in.queue_area_ms = r.get<double>();
  in.horizon_ms = r.get<std::int64_t>();
  in.answered_waits.seconds = r.get_vector<std::uint32_t>();
  in.answered_waits.count = r.get<std::uint64_t>();
  result.events = r.get<std::uint64_t>();
  result.stopped = r.get<std::uint8_t>() != 0;
  result.stale_rules = r.get<std::uint8_t>() != 0;
  result.outcomes = r.get<std::uint8_t>() != 0;
  result.back_office = r.get<model::BackOfficeTotals>();
  result.back_office_kinds = r.get<std::uint8_t>() != 0;
  result.warm_up_days = r.get<std::uint32_t>();
  result.initial_state = r.get<std::uint8_t>() != 0;
  if (!r.at_end()) Reader::fail();
  return result;
}

}  // namespace tracesim::cluster
