// SPDX-License-Identifier: Apache-2.0
// back_office.<kind>: kinds of back-office work - agent time without a phone
// call, born when a person is interviewed by phone (docs/model.md).
#include "../bounds.hpp"
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

using model::BackOfficeKind;

const Keys<BackOfficeKind>& kind_keys() {
  using B = Bind<BackOfficeKind>;
  static const Keys<BackOfficeKind> keys{{
      B::number("per_index_case", &BackOfficeKind::per_index_case, 0, 100,
                "expected items per index case interviewed by phone")
          .in("items"),
      B::number("per_contact", &BackOfficeKind::per_contact, 0, 100, "expected items per contact reached by phone")
          .in("items"),
      B::duration_dist("work", &BackOfficeKind::work, "agent time of one item"),
      B::duration("deadline", &BackOfficeKind::deadline, kernel::kMinute, kMaxDuration, "from the item's birth"),
  }};
  return keys;
}

// Kinds: user-named, in file order.
void read_kinds(ReadContext& ctx, const Field& f, Scenario& sc) {
  MapReader kinds{ctx, f};
  if (!kinds.is_map()) return;
  for (const auto& kv : f.node) {
    BackOfficeKind kind;
    kind.name = kv.first.Scalar();
    read_map(ctx, f.named(kind.name, kv.second), kind_keys(), kind);
    sc.platform.back_office.push_back(std::move(kind));
  }
}

void write_kinds(YAML::Emitter& out, const Scenario& sc) {
  out << YAML::BeginMap;
  for (const auto& kind : sc.platform.back_office) {
    out << YAML::Key << kind.name << YAML::Value;
    write_map(out, kind_keys(), kind, Style::Flow);
  }
  out << YAML::EndMap;
}

void kind_paths(Schema& paths, const std::string& base) {
  paths.insert(base + ".<name>");
  add_paths(paths, base + ".<name>", kind_keys());
}

}  // namespace

Key<Scenario> back_office_key() {
  return Bind<Scenario>::custom("back_office", read_kinds, write_kinds,
                                "kinds of back-office work, by name: agent time without a phone call", kind_paths)
      .written_if([](const Scenario& sc) { return !sc.platform.back_office.empty(); });
}

}  // namespace tracesim::scenario::detail
