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

}  // namespace tracesim::scenario
