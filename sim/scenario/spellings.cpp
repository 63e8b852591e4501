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
  using L = model::DurationLaw;
  static const auto laws = named_by_model<L>({{L::Deterministic, "always `value`"},
                                              {L::Exponential, "memoryless, `mean`"},
                                              {L::Lognormal, "`mean` and `cv`"},
                                              {L::Gamma, "`mean` and `cv`"},
                                              {L::Empirical, "`values` with `weights`"}});
  return laws;
}

Choices<model::CountLaw> count_laws() {
  using L = model::CountLaw;
  static const auto laws = named_by_model<L>({{L::Fixed, "always `value`"},
                                              {L::Poisson, "`mean`"},
                                              {L::NegativeBinomial, "`mean` and `dispersion`"},
                                              {L::Table, "`probabilities` of 0, 1, 2 ..."}});
  return laws;
}

}  // namespace tracesim::scenario::detail
