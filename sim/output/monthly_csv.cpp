// SPDX-License-Identifier: Apache-2.0
// monthly.csv: the platform's month in the reports' terms (calls made per month,
// per calendar day and per working day, people reached, agent hours).
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

#include "tracesim/output/monthly.hpp"
#include "tracesim/output/summary.hpp"

namespace tracesim::output {
namespace {

// Sums over every replication of one month.
struct Month {
  int year = 0;
  unsigned month = 0;
  int days = 0;
  int working_days = 0;
  std::array<double, 12> counts{};  // in kColumns order, summed over replications
  double staffed_ms = 0;
  double busy_ms = 0;
  std::array<double, 3> back_office{};  // created, done, done late (with back-office kinds)
};

constexpr std::array<const char*, 12> kColumns{"calls.attempts",
                                               "calls.connected",
                                               "index.reached_by_call",
                                               "contacts.reached_by_call",
                                               "index.reached_by_sms",
                                               "contacts.reached_by_sms",
                                               "index.arrived",
                                               "contacts.arrived",
                                               "sms.sent",
                                               "index.attempts",
                                               "contacts.attempts",
                                               "inbound.answered"};

std::array<double, 12> day_counts(const model::DayStats& d) {
  auto both = [](const std::array<std::uint32_t, model::kTaskTypes>& a) { return static_cast<double>(a[0] + a[1]); };
  return {both(d.attempts),
          both(d.connected),
          static_cast<double>(d.reached_call[0]),
          static_cast<double>(d.reached_call[1]),
          static_cast<double>(d.reached_sms[0]),
          static_cast<double>(d.reached_sms[1]),
          static_cast<double>(d.arrived[0]),
          static_cast<double>(d.arrived[1]),
          both(d.sms_sent),
          static_cast<double>(d.attempts[0]),
          static_cast<double>(d.attempts[1]),
          static_cast<double>(d.inbound_answered)};
}

}  // namespace

std::string monthly_csv(const std::vector<model::RunResult>& results) {
  std::string out = "month,run.days,run.working_days";
  for (const char* c : kColumns) out += std::string{","} + c;
  out += ",calls.attempts_per_day,calls.attempts_per_working_day,agents.staffed_h,agents.occupancy";
  const bool back_office = !results.empty() && results.front().back_office_kinds;
  if (back_office) out += ",back_office.created,back_office.done,back_office.done_late";
  out += "\n";
  if (results.empty()) return out;
  std::vector<Month> months;
  for (std::size_t i = 0; i < results.front().days.size(); ++i) {
    const kernel::Date date = results.front().days[i].date;
    int y = 0;
    unsigned m = 0;
    unsigned dd = 0;
    kernel::ymd_of(date, y, m, dd);
    if (months.empty() || months.back().year != y || months.back().month != m) months.push_back(Month{y, m});
    Month& month = months.back();
    ++month.days;
    if (results.front().days[i].working_day) ++month.working_days;
    for (const auto& r : results) {
      const model::DayStats& d = r.days[i];
      const auto counts = day_counts(d);
      for (std::size_t c = 0; c < counts.size(); ++c) month.counts[c] += counts[c];
      month.staffed_ms += static_cast<double>(d.staffed_ms);
      month.busy_ms += static_cast<double>(d.busy_ms);
      month.back_office[0] += d.back_office_created;
      month.back_office[1] += d.back_office_done;
      month.back_office[2] += d.back_office_done_late;
    }
  }
  const auto reps = static_cast<double>(results.size());
  for (const Month& m : months) {
    char label[16];
    std::snprintf(label, sizeof label, "%04d-%02u", m.year, m.month);
    out += std::string{label} + "," + std::to_string(m.days) + "," + std::to_string(m.working_days);
    for (const double c : m.counts) out += "," + csv_number(c / reps);
    const double attempts = m.counts[0] / reps;
    out += "," + csv_number(attempts / static_cast<double>(m.days));
    out += "," + (m.working_days ? csv_number(attempts / static_cast<double>(m.working_days)) : std::string{});
    out += "," + csv_number(m.staffed_ms / reps / 3'600'000.0);
    out += "," + (m.staffed_ms > 0 ? csv_number(m.busy_ms / m.staffed_ms) : std::string{});
    if (back_office)
      for (const double c : m.back_office) out += "," + csv_number(c / reps);
    out += "\n";
  }
  return out;
}

}  // namespace tracesim::output
