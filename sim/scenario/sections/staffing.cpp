// SPDX-License-Identifier: Apache-2.0
// staffing: the order of outbound work and the pools of agents.
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

}  // namespace

const Keys<PlatformConfig>& staffing_keys() {
  using B = Bind<PlatformConfig>;
  static const Keys<PlatformConfig> keys{{
      B::mapping("discipline", &PlatformConfig::discipline, discipline_keys(), Style::Block,
                 "the order of outbound work"),
      B::custom("pools", read_pools, write_pools, "the pools of agents, by name", pool_paths).required(),
  }};
  return keys;
}

}  // namespace tracesim::scenario::detail
