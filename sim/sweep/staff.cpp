// SPDX-License-Identifier: Apache-2.0
#include "tracesim/sweep/staff.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
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

bool shown_not_to_hold(const Target& target, const LevelResult& r) {
  if (!r.screened) return !r.holds;
  return target.at_least ? r.high < target.value : r.low > target.value;
}

void check_monotone(const Target& target, StaffAnswer& answer) {
  std::vector<LevelResult> tried = answer.tried;
  std::sort(tried.begin(), tried.end(), [](const LevelResult& a, const LevelResult& b) { return a.level < b.level; });
  answer.fails_above.clear();
  answer.against_staff.clear();
  for (std::size_t i = 0; i < tried.size(); ++i) {
    if (answer.found && tried[i].level > answer.level && shown_not_to_hold(target, tried[i]))
      answer.fails_above.push_back(tried[i]);
    for (std::size_t j = i + 1; j < tried.size(); ++j) {
      // More staff should move the KPI towards the target; flag it when the whole
      // interval at the higher level lies on the wrong side of the lower level's.
      const bool against = target.at_least ? tried[j].high < tried[i].low : tried[j].low > tried[i].high;
      if (against) answer.against_staff.emplace_back(tried[i], tried[j]);
    }
  }
}

namespace {

// One level of the grid: its plan, compiled once, and the KPI of its
// replications 0..n-1, extended as the evidence needs more.
struct Level {
  std::shared_ptr<const model::Plan> plan;
  std::vector<double> values;
  LevelResult result;
  bool verdict = false;   // result is the full verdict (not a first pass)
  bool above = false;     // which side of the bracket: the target holds here, or is taken to
};

// The search over the step grid of find_least_staff (its comment says how).
class LeastStaff {
 public:
  LeastStaff(const scenario::Document& document, const std::vector<scenario::Override>& overrides,
             const StaffSearch& search, std::stop_token stop, const std::function<void(const LevelResult&)>& log)
      : document_(document), overrides_(overrides), search_(search), stop_(std::move(stop)), log_(log),
        config_(document.resolve(overrides).platform) {
    const auto& lever = search.lever;
    // Every bound is checked on doubles before any conversion: a NaN or a huge
    // quotient must never reach the integer grid (undefined behaviour).
    if (!std::isfinite(lever.min) || !std::isfinite(lever.max) || !std::isfinite(lever.step) || !(lever.step > 0) ||
        lever.min < 0 || lever.max < lever.min)
      throw std::invalid_argument("staff range: expected finite --min >= 0, --max >= --min and --step > 0");
    const double span = std::floor((lever.max - lever.min) / lever.step + 1e-9);
    if (!(span <= 1'000'000))
      throw std::invalid_argument("staff range: (--max - --min) / --step gives more than 1,000,000 levels");
    steps_ = static_cast<long long>(span);
    kpi_ = resolve_kpi(kpi_names(config_), search.target.kpi);
  }

  StaffAnswer run();

 private:
  double level_of(long long i) const { return search_.lever.min + static_cast<double>(i) * search_.lever.step; }
  Level& at(long long i);
  void extend(Level& level, int reps);
  LevelResult summary(const Level& level, int reps) const;
  void first_pass(long long i);
  void verdict(long long i);
  void record(long long i, const LevelResult& r);
  long long next_inside(long long lo, long long hi);
  double doubt(long long i) const;

  const scenario::Document& document_;
  const std::vector<scenario::Override>& overrides_;
  const StaffSearch& search_;
  std::stop_token stop_;
  const std::function<void(const LevelResult&)>& log_;
  model::PlatformConfig config_;
  long long steps_ = 0;
  KpiId kpi_;
  std::map<long long, Level> levels_;
  std::vector<long long> order_;  // levels in the order first tried
  int run_ = 0;
};

Level& LeastStaff::at(long long i) {
  auto [it, added] = levels_.try_emplace(i);
  if (added) {
    auto at_level = overrides_;
    for (auto& o : staff_overrides(config_, search_.lever, level_of(i))) at_level.push_back(std::move(o));
    it->second.plan = std::make_shared<const model::Plan>(model::compile(document_.resolve(at_level).platform));
    order_.push_back(i);
  }
  return it->second;
}

// Runs the replications the level lacks up to `reps`, never one it has.
void LeastStaff::extend(Level& level, int reps) {
  const int have = static_cast<int>(level.values.size());
  if (reps <= have) return;
  RunSpec run;
  run.plan = level.plan;
  run.seed = search_.seed;
  run.first = have;
  run.replications = reps - have;
  run.threads = search_.threads;
  run.event_budget = search_.event_budget;
  run.stop = stop_;
  auto [results, stopped] = run_replications(run);
  if (stopped) throw Interrupted{};
  run_ += run.replications;
  for (const auto& res : results) level.values.push_back(kpi_value(res, kpi_));
}

// The evidence of replications 0..reps-1.
LevelResult LeastStaff::summary(const Level& level, int reps) const {
  const auto& target = search_.target;
  const std::vector<double> values(level.values.begin(), level.values.begin() + reps);
  // One-sided bounds at `confidence` are the two-sided interval at 2c - 1.
  const output::Estimate e = output::estimate(values, 2 * search_.confidence - 1);
  LevelResult r;
  r.level = level.result.level;
  r.replications = reps;
  r.mean = e.mean;
  r.low = e.mean - e.half_width;
  r.high = e.mean + e.half_width;
  r.holds = target.at_least ? r.low >= target.value : r.high <= target.value;
  return r;
}

void LeastStaff::record(long long i, const LevelResult& r) {
  Level& level = levels_.at(i);
  level.result = r;
  if (log_) log_(r);
}

// A first pass of 2 then 4 replications (those below search.replications): enough
// far from the target. A level still straddling it is placed by its mean.
void LeastStaff::first_pass(long long i) {
  Level& level = at(i);
  if (level.verdict || level.result.replications > 0) return;
  level.result.level = level_of(i);
  const auto& target = search_.target;
  for (const int reps : {2, 4}) {
    if (reps >= search_.replications) break;
    extend(level, reps);
    LevelResult r = summary(level, reps);
    r.screened = true;
    const bool fails = shown_not_to_hold(target, r);
    const bool mean_above = target.at_least ? r.mean >= target.value : r.mean <= target.value;
    if (r.holds || fails || reps == 4 || 2 * reps >= search_.replications) {
      level.above = r.holds || (!fails && mean_above);
      record(i, r);
      return;
    }
  }
  verdict(i);  // no first pass below search.replications
}

// The verdict of the search without first pass: replications from
// search.replications, doubled while the interval straddles the target.
void LeastStaff::verdict(long long i) {
  Level& level = at(i);
  if (level.verdict) return;
  level.result.level = level_of(i);
  const auto& target = search_.target;
  LevelResult r;
  for (int reps = search_.replications;; reps = std::min(2 * reps, search_.max_replications)) {
    extend(level, reps);
    r = summary(level, reps);
    const bool clearly_fails = target.at_least ? r.high < target.value : r.low > target.value;
    if (r.holds || clearly_fails || reps >= search_.max_replications) break;
  }
  level.verdict = true;
  level.above = r.holds;
  record(i, r);
}

// The next level to try strictly inside (lo, hi): the midpoint, moved halfway
// towards where the line through the two ends' means meets the target.
long long LeastStaff::next_inside(long long lo, long long hi) {
  const long long mid = lo + (hi - lo) / 2;
  if (lo < 0) return mid;
  const double m_lo = levels_.at(lo).result.mean;
  const double m_hi = levels_.at(hi).result.mean;
  const double t = search_.target.value;
  const bool straddle = search_.target.at_least ? m_lo < t && t <= m_hi : m_lo > t && t >= m_hi;
  if (!straddle || !std::isfinite(m_lo) || !std::isfinite(m_hi) || m_hi == m_lo) return mid;
  const double crossing = static_cast<double>(lo) + (t - m_lo) / (m_hi - m_lo) * static_cast<double>(hi - lo);
  const auto guess = static_cast<long long>(std::llround((crossing + static_cast<double>(mid)) / 2));
  return std::clamp(guess, lo + 1, hi - 1);
}

// How likely the level's full verdict is to contradict its first pass: the
// closeness of its mean to the target, in widths of its interval. A level with
// its verdict leaves no doubt.
double LeastStaff::doubt(long long i) const {
  const Level& level = levels_.at(i);
  if (level.verdict) return -std::numeric_limits<double>::infinity();
  const double width = level.result.high - level.result.low;
  const double distance = std::abs(level.result.mean - search_.target.value);
  return width > 0 ? -distance / width : -std::numeric_limits<double>::infinity();
}

StaffAnswer LeastStaff::run() {
  StaffAnswer answer;
  auto finish = [&] {
    for (const long long i : order_) answer.tried.push_back(levels_.at(i).result);
    answer.replications_run = run_;
    check_monotone(search_.target, answer);
    return answer;
  };
  // Bracket: the target holds (or is taken to) at hi, not at lo; lo = -1 is below the grid.
  first_pass(steps_);
  if (!levels_.at(steps_).above) verdict(steps_);
  if (!levels_.at(steps_).above) return finish();  // not even at the top of the range
  long long lo = -1;
  long long hi = steps_;
  if (steps_ > 0) {
    first_pass(0);
    (levels_.at(0).above ? hi : lo) = 0;
  }
  // The bracket's ends when a verdict contradicts the first pass: the next level
  // taken to hold above a level that does not, or the last level taken not to
  // hold below one that does (-1: none).
  auto above_of = [&](long long i) {
    auto it = levels_.upper_bound(i);
    while (!it->second.above) ++it;  // the top of the range holds, or the search has ended
    return it->first;
  };
  auto below_of = [&](long long i) {
    long long below = -1;
    for (auto it = levels_.begin(); it != levels_.end() && it->first < i; ++it)
      if (!it->second.above) below = it->first;
    return below;
  };
  for (;;) {
    while (hi - lo > 1) {
      const long long next = next_inside(lo, hi);
      first_pass(next);
      (levels_.at(next).above ? hi : lo) = next;
    }
    // The two ends of a one-step bracket get the full verdict, the more doubtful
    // first: if it contradicts its first pass, the other's is not needed.
    if (lo >= 0 && doubt(lo) > doubt(hi)) {
      verdict(lo);
      if (levels_.at(lo).above) {
        hi = lo;
        lo = below_of(hi);
        continue;
      }
    }
    verdict(hi);
    if (!levels_.at(hi).above) {
      if (hi == steps_) return finish();  // not even at the top of the range
      lo = hi;
      hi = above_of(lo);
      continue;
    }
    if (lo < 0) break;
    verdict(lo);
    if (!levels_.at(lo).above) break;
    hi = lo;
    lo = below_of(hi);
  }
  answer.found = true;
  answer.level = level_of(hi);
  answer.at_answer = levels_.at(hi).result;
  if (hi > 0) {
    answer.has_below = true;
    answer.below = levels_.at(hi - 1).result;
  }
  return finish();
}

}  // namespace

StaffAnswer find_least_staff(const scenario::Document& document, const std::vector<scenario::Override>& overrides,
                             const StaffSearch& search, std::stop_token stop,
                             const std::function<void(const LevelResult&)>& log) {
  return LeastStaff(document, overrides, search, std::move(stop), log).run();
}

}  // namespace tracesim::sweep
