// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/staff.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "detail_text.hpp"
#include "tracesim/output/statistics.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/sweep/kpi.hpp"
#include "tracesim/sweep/replications.hpp"

namespace tracesim::sweep {
using detail::trim;

Target parse_target(const std::string& text) {
  for (const char* op : {">=", "<="}) {
    const auto at = text.find(op);
    if (at == std::string::npos) continue;
    Target t;
    t.kpi = trim(text.substr(0, at));
    t.at_least = std::string{op} == ">=";
    const std::string v = trim(text.substr(at + 2));
    char* end = nullptr;
    t.value = std::strtod(v.c_str(), &end);
    if (t.kpi.empty() || v.empty() || end != v.c_str() + v.size() || !std::isfinite(t.value))
      break;
    return t;
  }
  throw std::invalid_argument("--target expects 'KPI >= VALUE' or 'KPI <= VALUE', e.g. "
                              "'contacts.reached_within_12h >= 0.9'; got '" + text + "'");
}

std::vector<scenario::Override> staff_overrides(const model::PlatformConfig& base, const StaffLever& lever,
                                                double level) {
  std::vector<scenario::Override> out;
  bool found = lever.pool.empty();
  for (const auto& pool : base.pools) {
    if (!lever.pool.empty() && pool.name != lever.pool) continue;
    found = true;
    const std::string prefix = "staffing.pools." + pool.name;
    for (std::size_t i = 0; i < pool.steps.size(); ++i) {
      const auto& step = pool.steps[i];
      const std::string item = "[" + std::to_string(i) + "]";
      if (pool.size_mode == model::SizeMode::Fte) {
        const double fte = lever.pool.empty() ? step.fte * level : level;  // a factor, or the pool's level
        // csv_number writes the shortest text that reads back to the same double.
        out.push_back({prefix + ".fte" + item + ".fte", output::csv_number(fte), "staff level"});
      } else {
        std::string agents;
        for (const int n : step.agents_per_shift)
          agents += (agents.empty() ? "" : ", ") +
                    std::to_string(std::lround(lever.pool.empty() ? n * level : level));
        out.push_back({prefix + ".roster" + item + ".agents", "[" + agents + "]", "staff level"});
      }
    }
  }
  if (!found) throw std::invalid_argument("no pool named '" + lever.pool + "'");
  return out;
}

void check_monotone(const Target& target, StaffAnswer& answer) {
  std::vector<LevelResult> tried = answer.tried;
  std::sort(tried.begin(), tried.end(), [](const LevelResult& a, const LevelResult& b) { return a.level < b.level; });
  answer.fails_above.clear();
  answer.against_staff.clear();
  for (std::size_t i = 0; i < tried.size(); ++i) {
    if (answer.found && tried[i].level > answer.level && !tried[i].holds) answer.fails_above.push_back(tried[i]);
    for (std::size_t j = i + 1; j < tried.size(); ++j) {
      // More staff should move the KPI towards the target; flag it when the whole
      // interval at the higher level lies on the wrong side of the lower level's.
      const bool against = target.at_least ? tried[j].high < tried[i].low : tried[j].low > tried[i].high;
      if (against) answer.against_staff.emplace_back(tried[i], tried[j]);
    }
  }
}

StaffAnswer find_least_staff(const scenario::Document& document, const std::vector<scenario::Override>& overrides,
                             const StaffSearch& search, std::stop_token stop,
                             const std::function<void(const LevelResult&)>& log) {
  const model::PlatformConfig config = document.resolve(overrides).platform;
  const auto& lever = search.lever;
  // Every bound is checked on doubles before any conversion: a NaN or a huge
  // quotient must never reach the integer grid (undefined behaviour).
  if (!std::isfinite(lever.min) || !std::isfinite(lever.max) || !std::isfinite(lever.step) || !(lever.step > 0) ||
      lever.min < 0 || lever.max < lever.min)
    throw std::invalid_argument("staff range: expected finite --min >= 0, --max >= --min and --step > 0");
  const double span = std::floor((lever.max - lever.min) / lever.step + 1e-9);
  if (!(span <= 1'000'000)) throw std::invalid_argument("staff range: (--max - --min) / --step gives more than 1,000,000 levels");
  const auto steps = static_cast<long long>(span);
  auto level_of = [&](long long i) { return lever.min + static_cast<double>(i) * lever.step; };

  const KpiId kpi = resolve_kpi(kpi_names(config), search.target.kpi);
  std::map<long long, LevelResult> cache;
  StaffAnswer answer;
  auto evaluate = [&](long long i) -> LevelResult {
    if (const auto it = cache.find(i); it != cache.end()) return it->second;
    RunSpec run;
    auto at_level = overrides;
    for (auto& o : staff_overrides(config, lever, level_of(i))) at_level.push_back(std::move(o));
    run.plan = std::make_shared<const model::Plan>(model::compile(document.resolve(at_level).platform));
    run.seed = search.seed;
    run.threads = search.threads;
    run.event_budget = search.event_budget;
    run.stop = stop;
    std::vector<double> values;
    LevelResult r;
    r.level = level_of(i);
    for (int reps = search.replications;; reps = std::min(2 * reps, search.max_replications)) {
      // Replications 0..reps-1 at every level: common random numbers across levels.
      run.replications = reps;
      auto [results, stopped] = run_replications(run);
      if (stopped) throw Interrupted{};
      values.clear();
      for (const auto& res : results) values.push_back(kpi_value(res, kpi));
      // One-sided bounds at `confidence` are the two-sided interval at 2c - 1.
      const output::Estimate e = output::estimate(values, 2 * search.confidence - 1);
      r.replications = reps;
      r.mean = e.mean;
      r.low = e.mean - e.half_width;
      r.high = e.mean + e.half_width;
      const double bound = search.target.at_least ? r.low : r.high;
      const double other = search.target.at_least ? r.high : r.low;
      r.holds = search.target.at_least ? bound >= search.target.value : bound <= search.target.value;
      const bool clearly_fails = search.target.at_least ? other < search.target.value : other > search.target.value;
      if (r.holds || clearly_fails || reps >= search.max_replications) break;
    }
    cache[i] = r;
    answer.tried.push_back(r);
    if (log) log(r);
    return r;
  };

  // Bisection on the step grid: hi holds, lo does not.
  if (!evaluate(steps).holds) {
    check_monotone(search.target, answer);
    return answer;
  }
  long long hi = steps;
  long long lo = -1;
  if (evaluate(0).holds) hi = 0;
  else lo = 0;
  while (hi - lo > 1) {
    const long long mid = lo + (hi - lo) / 2;
    if (evaluate(mid).holds) hi = mid;
    else lo = mid;
  }
  answer.found = true;
  answer.level = level_of(hi);
  answer.at_answer = cache[hi];
  if (hi > 0) {
    answer.has_below = true;
    answer.below = evaluate(hi - 1);
  }
  check_monotone(search.target, answer);
  return answer;
}

}  // namespace tracesim::sweep
