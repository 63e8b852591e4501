// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <functional>

#include "keys.hpp"

// The sections of the scenario format, one file each under sections/: every
// key is declared there, once (see keys.hpp).
namespace tracesim::scenario::detail {

using Tasks = std::array<model::TaskConfig, model::kTaskTypes>;

const Keys<Scenario>& document_keys();  // the top level
const Keys<model::CalendarConfig>& calendar_keys();
const Keys<model::PlatformConfig>& demand_keys();
const Keys<Tasks>& tasks_keys();
const Keys<model::AttemptConfig>& attempt_keys();
const Keys<model::SmsConfig>& sms_keys();
const Keys<model::InboundConfig>& inbound_keys();
const Keys<model::PlatformConfig>& staffing_keys();
const Keys<RunSettings>& run_keys();
const Keys<SweepSection>& sweep_keys();
const Keys<CalibrationSection>& calibration_keys();

/// demand.index_cases.curve: exactly one of its forms (sections/curve.cpp).
Key<model::IndexCaseConfig> curve_key();

/// back_office.<kind>: kinds of back-office work (sections/back_office.cpp).
Key<Scenario> back_office_key();

/// changes: dated parameters (sections/changes.cpp).
Key<Scenario> changes_key();

/// Reads and validates each epoch of `sc.changes` - a tree from `fresh_tree`
/// with the `set` nodes of `root` up to that change assigned - with `read`, and
/// stores it in sc.platform.epochs. Returns the problems, located in the file.
Diagnostics read_epochs(const YAML::Node& root, const std::function<YAML::Node()>& fresh_tree,
                        const std::function<Scenario(YAML::Node, ReadContext&)>& read, const ReadContext& base,
                        Scenario& sc);

/// staffing.pools.<name>: one pool (sections/pool.cpp).
const Keys<model::PoolConfig>& pool_keys();

}  // namespace tracesim::scenario::detail
