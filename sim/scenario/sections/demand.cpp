// SPDX-License-Identifier: Apache-2.0
// demand: index cases (their curve, release, segments) and their contacts.
#include "../bounds.hpp"
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

using model::IndexCaseConfig;

// Segments: user-named shares of the index cases; given, they replace the default "all".
void read_segments(ReadContext& ctx, const Field& f, IndexCaseConfig& ic) {
  MapReader seg{ctx, f};
  if (!seg.is_map()) return;
  if (f.node.size() > 200) {  // before reading them: a huge mapping is refused at once
    ctx.error(f.node, f.path, "expected at most 200 segments");
    return;
  }
  ic.segments.clear();
  for (const auto& kv : f.node) {
    const std::string name = kv.first.Scalar();
    if (auto v = read_double(ctx, f.named(name, kv.second), 0, 1)) ic.segments.push_back({name, *v});
  }
  if (ic.segments.empty()) ctx.error(f.node, f.path, "expected at least one segment");
}

void write_segments(YAML::Emitter& out, const IndexCaseConfig& ic) {
  out << YAML::BeginMap;
  for (const auto& s : ic.segments) out << YAML::Key << s.name << YAML::Value << s.share;
  out << YAML::EndMap;
}

const Keys<IndexCaseConfig>& index_case_keys() {
  using B = Bind<IndexCaseConfig>;
  static const Keys<IndexCaseConfig> keys{
      {
          curve_key(),
          B::number("share_handled", &IndexCaseConfig::share_handled, 0, 1,
                    "share of the curve's positives this platform handles")
              .in("share"),
          B::hourly("release_profile", &IndexCaseConfig::release_profile, 1e6,
                    "weight of each hour of the day in releasing cases to the work list; all zero: 08h-18h"),
          B::flag("release_spread_within_hour", &IndexCaseConfig::release_spread_within_hour,
                  "false: every case of an hour is released on the hour"),
          B::duration_dist("delay_to_platform", &IndexCaseConfig::delay_to_platform,
                           "from the test result to the work list"),
          B::number("inbound_first_share", &IndexCaseConfig::inbound_first_share, 0, 1,
                    "cases that call the platform first instead of being called")
              .in("share"),
          B::custom("segments", read_segments, write_segments, "shares of the index cases by segment, summing to 1",
                    [](Schema& p, const std::string& base) { p.insert(base + ".<name>"); })
              .with_samples({"{a: 0.25, b: 0.75}"}),
          B::number("prelisted_contact_share", &IndexCaseConfig::prelisted_contact_share, 0, 1,
                    "contacts listed by the tester at arrival")
              .in("share"),
      },
      {"curve", "share_handled", "inbound_first_share", "prelisted_contact_share", "release_spread_within_hour",
       "release_profile", "delay_to_platform", "segments"}};
  return keys;
}

}  // namespace

const Keys<model::PlatformConfig>& demand_keys() {
  using B = Bind<model::PlatformConfig>;
  static const Keys<model::PlatformConfig> keys{{
      B::mapping("index_cases", &model::PlatformConfig::index_cases, index_case_keys(), Style::Block,
                 "the index cases")
          .required(),
      B::count_dist("contacts_per_case", &model::PlatformConfig::contacts_per_case,
                    "contacts listed per reached index case")
          .in("contacts"),
  }};
  return keys;
}

}  // namespace tracesim::scenario::detail
