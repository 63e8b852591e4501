// SPDX-License-Identifier: Apache-2.0
#include "keys.hpp"

namespace tracesim::scenario::detail {

void read_hourly(ReadContext& ctx, const Field& f, std::array<double, 24>& out, double max) {
  MapReader m{ctx, f};
  if (!m.is_map()) return;
  for (const auto& kv : f.node) {
    const std::string key = kv.first.Scalar();
    const Field item = f.named(key, kv.second);
    const auto at = read_clock(ctx, Field{kv.first, item.path, item.pattern});
    if (!at) continue;
    if (at->count() % kernel::kHour.count() != 0 || *at >= 24 * kernel::kHour) {
      ctx.error(kv.first, item.path, "expected a whole hour from 00:00 to 23:00");
      continue;
    }
    if (auto w = read_double(ctx, item, 0, max))
      out[static_cast<std::size_t>(at->count() / kernel::kHour.count())] = *w;
  }
}

void write_hourly(YAML::Emitter& out, const std::array<double, 24>& w) {
  out << YAML::BeginMap;
  for (std::size_t h = 0; h < 24; ++h)
    out << YAML::Key << format_clock(kernel::kHour * static_cast<std::int64_t>(h)) << YAML::Value << w[h];
  out << YAML::EndMap;
}

void write_duration_dist(YAML::Emitter& out, const model::DurationDist& d) {
  if (d.law == model::DurationLaw::Deterministic) {
    out << format_duration(d.mean);
    return;
  }
  out << YAML::Flow << YAML::BeginMap << YAML::Key << "dist" << YAML::Value << std::string{model::name_of(d.law)};
  if (d.law == model::DurationLaw::Empirical) {
    out << YAML::Key << "values" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (auto v : d.values) out << format_duration(v);
    out << YAML::EndSeq << YAML::Key << "weights" << YAML::Value << YAML::Flow << d.weights;
  } else {
    out << YAML::Key << "mean" << YAML::Value << format_duration(d.mean);
    if (d.law != model::DurationLaw::Exponential) out << YAML::Key << "cv" << YAML::Value << d.cv;
  }
  out << YAML::EndMap;
}

void write_count_dist(YAML::Emitter& out, const model::CountDist& cd) {
  out << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "dist" << YAML::Value << std::string{model::name_of(cd.law)};
  if (cd.law == model::CountLaw::Fixed) out << YAML::Key << "value" << YAML::Value << static_cast<long long>(cd.mean);
  if (cd.law == model::CountLaw::Poisson || cd.law == model::CountLaw::NegativeBinomial)
    out << YAML::Key << "mean" << YAML::Value << cd.mean;
  if (cd.law == model::CountLaw::NegativeBinomial) out << YAML::Key << "dispersion" << YAML::Value << cd.dispersion;
  if (cd.law == model::CountLaw::Table) out << YAML::Key << "probabilities" << YAML::Value << YAML::Flow << cd.table;
  out << YAML::EndMap;
}

void add_duration_dist_paths(Schema& paths, const std::string& base) {
  for (const char* k : {"dist", "mean", "cv", "value", "values", "weights"}) paths.insert(base + "." + k);
}

void add_count_dist_paths(Schema& paths, const std::string& base) {
  for (const char* k : {"dist", "mean", "dispersion", "probabilities", "value"}) paths.insert(base + "." + k);
}

}  // namespace tracesim::scenario::detail
