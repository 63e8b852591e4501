// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/intervals.hpp"

#include <algorithm>
#include <cstdio>

#include "tracesim/output/summary.hpp"

namespace tracesim::output {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3'600'000;
constexpr std::size_t kPerDay = static_cast<std::size_t>(kDayMs / IntervalRecorder::kIntervalMs);

std::size_t index_of(std::int64_t ms, std::int64_t unit) { return static_cast<std::size_t>(std::max<std::int64_t>(ms, 0) / unit); }

}  // namespace

IntervalRecorder::Bin& IntervalRecorder::bin(std::int64_t ms) {
  const std::size_t i = index_of(ms, kIntervalMs);
  if (i >= bins_.size()) bins_.resize(i + 1);
  return bins_[i];
}

// Adds the overlap of [from, to) with each interval to that interval's `field`.
void IntervalRecorder::spread(kernel::SimTime from, kernel::SimTime to, std::int64_t Bin::*field) {
  std::int64_t a = std::max<std::int64_t>(kernel::ms_of(from), 0);
  const std::int64_t b = kernel::ms_of(to);
  while (a < b) {
    const std::int64_t edge = (a / kIntervalMs + 1) * kIntervalMs;
    const std::int64_t end = std::min(edge, b);
    bin(a).*field += end - a;
    a = end;
  }
}

void IntervalRecorder::on_attempt(const model::AttemptRecord& r) { spread(r.start, r.end, &Bin::busy_ms); }

void IntervalRecorder::on_agent_shift(const model::AgentShiftRecord& r) { spread(r.on, r.off, &Bin::on_shift_ms); }

void IntervalRecorder::on_task_final(const model::TaskRecord& r) {
  const auto type = static_cast<std::size_t>(r.type);
  const std::int64_t created = kernel::ms_of(r.created);
  ++bin(created).arrived[type];
  ++bin(created).open_delta;
  --bin(kernel::ms_of(r.resolved)).open_delta;
  const std::size_t day = index_of(created, kDayMs);
  if (day >= days_.size()) days_.resize(day + 1);
  ++days_[day].resolved[type];
  if (r.state != model::FinalState::NotReached && r.resolved <= r.deadline) ++days_[day].within_deadline[type];
}

std::string IntervalRecorder::intervals_csv(kernel::Date from, kernel::Date to) const {
  std::string out = "start,index.arrived,contacts.arrived,backlog.open,agents.on_shift,agents.busy,agents.occupancy\n";
  std::int64_t open = 0;
  const auto first = static_cast<std::size_t>(std::max(from.days - start_.days, 0)) * kPerDay;
  const auto last = static_cast<std::size_t>(std::max(to.days - start_.days + 1, 0)) * kPerDay;
  const Bin empty{};
  for (std::size_t i = 0; i < last; ++i) {  // every interval of the period, recorded or not
    const Bin& b = i < bins_.size() ? bins_[i] : empty;
    open += b.open_delta;  // at the end of interval i
    if (i < first) continue;
    const kernel::Date date{start_.days + static_cast<std::int32_t>(i / kPerDay)};
    const auto minutes = static_cast<int>((i % kPerDay) * 30);
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", minutes / 60, minutes % 60);
    const double shift = static_cast<double>(b.on_shift_ms) / static_cast<double>(kIntervalMs);
    const double busy = static_cast<double>(b.busy_ms) / static_cast<double>(kIntervalMs);
    out += kernel::iso_date(date) + "T" + time + "," + std::to_string(b.arrived[0]) + "," + std::to_string(b.arrived[1]) +
           "," + std::to_string(open) + "," + csv_number(shift) + "," + csv_number(busy) + "," +
           (b.on_shift_ms > 0 ? csv_number(static_cast<double>(b.busy_ms) / static_cast<double>(b.on_shift_ms)) : "") +
           "\n";
  }
  return out;
}

std::string IntervalRecorder::reach_by_arrival_day_csv() const {
  std::string out =
      "date,index.resolved,index.reached_within_deadline,contacts.resolved,contacts.reached_within_deadline\n";
  const auto share = [](std::uint32_t num, std::uint32_t den) {
    return den ? csv_number(static_cast<double>(num) / static_cast<double>(den)) : std::string();
  };
  for (std::size_t d = 0; d < days_.size(); ++d) {
    const Day& day = days_[d];
    out += kernel::iso_date(kernel::Date{start_.days + static_cast<std::int32_t>(d)}) + "," +
           std::to_string(day.resolved[0]) + "," + share(day.within_deadline[0], day.resolved[0]) + "," +
           std::to_string(day.resolved[1]) + "," + share(day.within_deadline[1], day.resolved[1]) + "\n";
  }
  return out;
}

}  // namespace tracesim::output
