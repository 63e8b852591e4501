// SPDX-License-Identifier: Apache-2.0
// The top level of a scenario file: its version, its name and its sections.
#include <filesystem>

#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

// Any version other than this build's is refused, and nothing else is read:
// the rest would be read against the wrong schema.
void read_schema_version(ReadContext& ctx, const Field& f, Scenario& sc) {
  const auto v = read_int(ctx, f, 1, 1000);
  if (!v) return;
  sc.schema_version = static_cast<int>(*v);
  if (*v != kSchemaVersion) {
    ctx.error(f.node, "schema_version",
              "this build of tracesim reads schema version " + std::to_string(kSchemaVersion) + "; got " +
                  std::to_string(*v));
    throw ScenarioError(ctx.diags);
  }
}

// A file of open tasks or a snapshot folder, relative to the scenario's folder;
// its content is read once the whole scenario is (load.cpp), against its segments and rules.
void read_initial_state(ReadContext& ctx, const Field& f, Scenario& sc) {
  const auto path = read_string(ctx, f);
  if (!path) return;
  std::filesystem::path p{*path};
  if (p.is_relative()) p = ctx.base_dir / p;
  std::error_code ec;
  if (!std::filesystem::exists(p, ec)) {
    ctx.error(f.node, f.path, "cannot read the initial state '" + p.string() + "': no such file or folder");
    return;
  }
  sc.platform.initial_state_path = *path;
  const auto absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(p), ec);
  sc.platform.initial_state_file = ec ? p.string() : absolute.string();
}

}  // namespace

const Keys<Scenario>& document_keys() {
  using B = Bind<Scenario>;
  auto platform = [](auto& sc) -> auto& { return sc.platform; };
  auto calendar = [](auto& sc) -> auto& { return sc.platform.calendar; };
  auto tasks = [](auto& sc) -> auto& { return sc.platform.tasks; };
  auto attempt = [](auto& sc) -> auto& { return sc.platform.attempt; };
  auto sms = [](auto& sc) -> auto& { return sc.platform.sms; };
  auto inbound = [](auto& sc) -> auto& { return sc.platform.inbound; };
  static const Keys<Scenario> keys{
      {
          B::custom("schema_version", read_schema_version,
                    [](YAML::Emitter& out, const Scenario& sc) { out << sc.schema_version; },
                    "the format version")
              .required(),
          B::text("name", &Scenario::name, "the scenario's name; names the results folder").required(),
          B::text("description", &Scenario::description, "free text, copied to the resolved scenario"),
          B::mapping("calendar", calendar, calendar_keys(), Style::Block, "the simulated period and opening hours")
              .required(),
          B::mapping("demand", platform, demand_keys(), Style::Block, "index cases and their contacts").required(),
          B::mapping("tasks", tasks, tasks_keys(), Style::Block, "index interviews and contact calls"),
          B::mapping("attempt", attempt, attempt_keys(), Style::Block, "one outbound call attempt"),
          B::mapping("sms", sms, sms_keys(), Style::Block, "SMS instead of calls"),
          B::mapping("inbound", inbound, inbound_keys(), Style::Block, "the platform's inbound line"),
          B::mapping("staffing", platform, staffing_keys(), Style::Block,
                     "agent pools and the order of outbound work")
              .required(),
          back_office_key(),
          B::mapping("run", &Scenario::run, run_keys(), Style::Block, "replications, seed, event budget"),
          B::custom("initial_state", read_initial_state,
                    [](YAML::Emitter& out, const Scenario& sc) {
                      // The resolved file may be read from another folder: name what was read.
                      const auto& p = sc.platform;
                      out << (p.initial_state_file.empty() ? p.initial_state_path : p.initial_state_file);
                    },
                    "open work the run starts with: a CSV of open tasks, or a snapshot folder (relative to the "
                    "scenario's folder)")
              .written_if([](const Scenario& sc) { return !sc.platform.initial_state_path.empty(); }),
          B::mapping("calibration", &Scenario::calibration, calibration_keys(), Style::Block,
                     "free parameters and targets for tracesim calibrate")
              .written_if([](const Scenario& sc) {
                return !sc.calibration.parameters.empty() || !sc.calibration.targets.empty();
              }),
          B::mapping("sweep", &Scenario::sweep, sweep_keys(), Style::Block, "a grid for tracesim sweep")
              .written_if([](const Scenario& sc) { return !sc.sweep.vary.empty(); }),
          changes_key(),
      },
      {"schema_version", "name", "description", "calendar", "demand", "tasks", "attempt", "sms", "inbound",
       "back_office", "staffing", "run", "initial_state", "sweep", "calibration", "changes"}};
  return keys;
}

}  // namespace tracesim::scenario::detail
