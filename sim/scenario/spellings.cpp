// SPDX-License-Identifier: Apache-2.0
#include "spellings.hpp"

namespace tracesim::scenario::detail {
namespace {

template <class E>
std::vector<Choice<E>> named_by_model(std::initializer_list<std::pair<E, std::string_view>> laws) {
  std::vector<Choice<E>> out;
  for (const auto& [law, what] : laws) out.push_back({law, model::name_of(law), what});
  return out;
}

}  // namespace

Choices<model::DurationLaw> duration_laws() {
  static const auto laws = named_by_model<model::DurationLaw>({{model::DurationLaw::Deterministic, "always `value`"},
                                                               {model::DurationLaw::Exponential, "memoryless, `mean`"},
                                                               {model::DurationLaw::Lognormal, "`mean` and `cv`"},
                                                               {model::DurationLaw::Gamma, "`mean` and `cv`"},
                                                               {model::DurationLaw::Empirical, "`values` with `weights`"}});
  return laws;
}

Choices<model::CountLaw> count_laws() {
  static const auto laws = named_by_model<model::CountLaw>({{model::CountLaw::Fixed, "always `value`"},
                                                            {model::CountLaw::Poisson, "`mean`"},
                                                            {model::CountLaw::NegativeBinomial, "`mean` and `dispersion`"},
                                                            {model::CountLaw::Table, "`probabilities` of 0, 1, 2 ..."}});
  return laws;
}

}  // namespace tracesim::scenario::detail
