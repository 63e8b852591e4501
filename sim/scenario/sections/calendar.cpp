// SPDX-License-Identifier: Apache-2.0
// calendar: the simulated period and the weekly opening hours.
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

using model::CalendarConfig;
using model::DayHours;

const Keys<DayHours>& day_hours_keys() {
  using B = Bind<DayHours>;
  static const Keys<DayHours> keys{{
      B::clock("open", &DayHours::opens_at, "opening time").required(),
      B::clock("close", &DayHours::closes_at, "closing time; after open").required(),
  }};
  return keys;
}

// A day's hours: {open: "HH:MM", close: "HH:MM"} or the word `closed`.
DayHours read_day_hours(ReadContext& ctx, const Field& f) {
  DayHours h;
  if (f.node.IsScalar() && f.node.Scalar() == "closed") {
    h.open = false;
    return h;
  }
  if (f.node.IsScalar()) {
    ctx.error(f.node, f.path, "expected {open: \"HH:MM\", close: \"HH:MM\"} or closed, got '" +
                                  f.node.Scalar() + "'");
    return h;
  }
  read_map(ctx, f, day_hours_keys(), h);
  return h;
}

// Broad keys first, specific ones override: all_days < weekdays/weekend < named day.
// Only the named days are written back.
void read_opening(ReadContext& ctx, const Field& f, CalendarConfig& cal) {
  MapReader o{ctx, f};
  if (!o.is_map()) return;
  if (o.has("all_days")) cal.weekly.fill(read_day_hours(ctx, o.at("all_days")));
  if (o.has("weekdays")) {
    const auto h = read_day_hours(ctx, o.at("weekdays"));
    for (std::size_t d = 0; d < 5; ++d) cal.weekly[d] = h;
  }
  if (o.has("weekend")) {
    const auto h = read_day_hours(ctx, o.at("weekend"));
    cal.weekly[5] = h;
    cal.weekly[6] = h;
  }
  for (std::size_t d = 0; d < 7; ++d) {
    const std::string day{kWeekdays[d]};
    if (o.has(day)) cal.weekly[d] = read_day_hours(ctx, o.at(day));
  }
}

void write_opening(YAML::Emitter& out, const CalendarConfig& cal) {
  out << YAML::BeginMap;
  for (std::size_t d = 0; d < 7; ++d) {
    const auto& h = cal.weekly[d];
    out << YAML::Key << std::string{kWeekdays[d]} << YAML::Value;
    if (!h.open) {
      out << "closed";
    } else {
      write_map(out, day_hours_keys(), h, Style::Flow);
    }
  }
  out << YAML::EndMap;
}

void opening_paths(Schema& paths, const std::string& base) {
  std::vector<std::string> days{"all_days", "weekdays", "weekend"};
  for (auto d : kWeekdays) days.emplace_back(d);
  for (const auto& day : days) {
    paths.insert(base + "." + day);
    add_paths(paths, base + "." + day, day_hours_keys());
  }
}

void read_closed_dates(ReadContext& ctx, const Field& f, CalendarConfig& cal) {
  if (!expect_sequence(ctx, f)) return;
  for (std::size_t i = 0; i < f.node.size(); ++i)
    if (auto d = read_date(ctx, f.item(i))) cal.closed_dates.push_back(*d);
}

void write_closed_dates(YAML::Emitter& out, const CalendarConfig& cal) {
  out << YAML::Flow << YAML::BeginSeq;
  for (auto d : cal.closed_dates) out << kernel::iso_date(d);
  out << YAML::EndSeq;
}

}  // namespace

const Keys<CalendarConfig>& calendar_keys() {
  using B = Bind<CalendarConfig>;
  static const Keys<CalendarConfig> keys{{
      B::date("start", &CalendarConfig::start, "first simulated day (from 00:00)").required(),
      B::date("end", &CalendarConfig::end, "last simulated day (until 24:00)").required(),
      B::custom("opening", read_opening, write_opening, "weekly opening hours", opening_paths)
          .with_samples({"{weekend: closed}", "{all_days: {open: \"07:00\", close: \"20:00\"}, sunday: closed}"}),
      B::custom("closed_dates", read_closed_dates, write_closed_dates, "whole days closed (public holidays)")
          .with_samples({"[2021-03-02]"}),
      B::integer("warm_up_days", &CalendarConfig::warm_up_days, 0, 36600,
                 "the first days, simulated but left out of every KPI (daily files keep them, marked)")
          .in("days"),
  }};
  return keys;
}

}  // namespace tracesim::scenario::detail
