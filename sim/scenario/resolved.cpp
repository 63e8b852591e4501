// SPDX-License-Identifier: Apache-2.0
#include <yaml-cpp/yaml.h>

#include "sections.hpp"
#include "tracesim/scenario/scenario.hpp"

// Writes the scenario back with every default filled in, in the format the
// reader accepts: the provenance record of a run (rule C3). Each key is written
// as its section declares it (sections/*.cpp).
namespace tracesim::scenario {

std::string to_yaml(const Scenario& sc) {
  YAML::Emitter out;
  out.SetDoublePrecision(17);
  detail::write_map(out, detail::document_keys(), sc, detail::Style::Block);
  return std::string{out.c_str()} + "\n";
}

std::string identity_yaml(const Scenario& sc) {
  Scenario as_written = sc;
  as_written.platform.index_cases.curve.series_file.clear();
  return to_yaml(as_written);
}

}  // namespace tracesim::scenario
