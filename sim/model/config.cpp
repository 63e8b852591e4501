// SPDX-License-Identifier: Apache-2.0
#include "tracesim/model/config.hpp"

namespace tracesim::model {

std::string_view name_of(TaskType t) { return t == TaskType::IndexInterview ? "index_interview" : "contact_call"; }

}  // namespace tracesim::model
