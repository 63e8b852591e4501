// SPDX-License-Identifier: Apache-2.0
// staffing: the order of outbound work and the pools of agents.
#include <climits>

#include "../bounds.hpp"
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

using model::DisciplineConfig;
using model::PlatformConfig;

void read_priority_segments(ReadContext& ctx, const Field& f, DisciplineConfig& d) {
  if (!expect_sequence(ctx, f)) return;
  for (std::size_t i = 0; i < f.node.size(); ++i)
    if (auto s = read_string(ctx, f.item(i))) d.priority_segments.push_back(*s);
}

const Keys<DisciplineConfig>& discipline_keys() {
  using B = Bind<DisciplineConfig>;
  static const Keys<DisciplineConfig> keys{{
      B::choice("order", &DisciplineConfig::order, Choices<model::Discipline>{kDisciplines},
                "the order of outbound work within a priority class"),
      B::custom("priority_segments", read_priority_segments,
                [](YAML::Emitter& out, const DisciplineConfig& d) { out << YAML::Flow << d.priority_segments; },
                "segments served first, in this order")
          .with_samples({"[all]"}),
      B::flag("index_before_contacts", &DisciplineConfig::index_before_contacts,
              "index interviews before contact calls within a priority class"),
  }};
  return keys;
}

// Pools: user-named, in file order; at least one.
void read_pools(ReadContext& ctx, const Field& f, PlatformConfig& pc) {
  MapReader pools{ctx, f};
  if (!pools.is_map()) return;
  for (const auto& kv : f.node) {
    model::PoolConfig pool;
    pool.name = kv.first.Scalar();
    read_map(ctx, f.named(pool.name, kv.second), pool_keys(), pool);
    pc.pools.push_back(std::move(pool));
  }
  if (pc.pools.empty()) ctx.error(f.node, f.path, "expected at least one pool");
}

void write_pools(YAML::Emitter& out, const PlatformConfig& pc) {
  out << YAML::BeginMap;
  for (const auto& pool : pc.pools) {
    out << YAML::Key << pool.name << YAML::Value;
    write_map(out, pool_keys(), pool, Style::Block);
  }
  out << YAML::EndMap;
}

void pool_paths(Schema& paths, const std::string& base) {
  paths.insert(base + ".<name>");
  add_paths(paths, base + ".<name>", pool_keys());
}

// Overload: public holidays the platform stays open on, at a reduced level.
void read_holiday_dates(ReadContext& ctx, const Field& f, model::HolidayStaffing& h) {
  if (!expect_sequence(ctx, f)) return;
  for (std::size_t i = 0; i < f.node.size(); ++i)
    if (auto d = read_date(ctx, f.item(i))) h.dates.push_back(*d);
}

void write_holiday_dates(YAML::Emitter& out, const model::HolidayStaffing& h) {
  out << YAML::Flow << YAML::BeginSeq;
  for (auto d : h.dates) out << kernel::iso_date(d);
  out << YAML::EndSeq;
}

const Keys<model::HolidayStaffing>& holiday_keys() {
  using B = Bind<model::HolidayStaffing>;
  static const Keys<model::HolidayStaffing> keys{{
      B::custom("dates", read_holiday_dates, write_holiday_dates, "public holidays the platform is open on")
          .with_samples({"[2021-05-13]"}),
      B::number("level", &model::HolidayStaffing::level, 0, kMaxStaffingLevel,
                "every pool's staffing on those dates, as a share of the weekday's")
          .in("level"),
  }};
  return keys;
}

const Keys<model::NationalLevelConfig>& national_keys() {
  using B = Bind<model::NationalLevelConfig>;
  static const Keys<model::NationalLevelConfig> keys{{
      B::integer("capacity_per_day", &model::NationalLevelConfig::capacity_per_day, 0, INT32_MAX,
                 "stale tasks the national level takes a day")
          .in("tasks")
          .required(),
  }};
  return keys;
}

}  // namespace

const Keys<PlatformConfig>& staffing_keys() {
  using B = Bind<PlatformConfig>;
  static const Keys<PlatformConfig> keys{{
      B::mapping("discipline", &PlatformConfig::discipline, discipline_keys(), Style::Block,
                 "the order of outbound work"),
      B::custom("pools", read_pools, write_pools, "the pools of agents, by name", pool_paths).required(),
      B::mapping("holidays", &PlatformConfig::holidays, holiday_keys(), Style::Flow,
                 "public holidays with reduced staffing")
          .written_if([](const PlatformConfig& pc) { return !pc.holidays.dates.empty(); }),
      B::mapping("national_level", &PlatformConfig::national_level, national_keys(), Style::Flow,
                 "takes stale tasks handed over (tasks.<type>.stale.action: national)")
          .written_if([](const PlatformConfig& pc) { return pc.national_level.capacity_per_day > 0; }),
  }};
  return keys;
}

}  // namespace tracesim::scenario::detail
