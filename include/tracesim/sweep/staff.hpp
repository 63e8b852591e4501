// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "tracesim/model/config.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"

namespace tracesim::sweep {

/// The search was stopped (Ctrl-C) before it could answer.
class Interrupted : public std::runtime_error {
 public:
  Interrupted() : std::runtime_error("interrupted") {}
};

/// "KPI >= value" or "KPI <= value".
struct Target {
  std::string kpi;
  bool at_least = true;
  double value = 0;
};

/// Parses a target such as "contacts.reached_within_12h >= 0.90". Throws
/// std::invalid_argument saying what was expected.
Target parse_target(const std::string& text);

/// What staff level means: the size of one pool (FTE of every step, or agents
/// per shift of a roster pool), or a factor on every pool's size.
struct StaffLever {
  std::string pool;  // empty: scale every pool
  double min = 0;
  double max = 0;
  double step = 1;
};

/// The overrides (origin "staff level") that set staff level `level` on `base`,
/// the scenario the search starts from. For one pool, every step of it gets the
/// level: `staffing.pools.P.fte[i].fte=LEVEL`, or for a roster
/// `staffing.pools.P.roster[i].agents=[round(LEVEL), ...]`. For a factor, every
/// step of every pool is scaled: its FTE times the level, or each agent count
/// times the level, rounded. Numbers are written so that they read back exactly.
/// Throws std::invalid_argument if the lever names no pool of `base`.
std::vector<scenario::Override> staff_overrides(const model::PlatformConfig& base, const StaffLever& lever,
                                                double level);

struct StaffSearch {
  Target target;
  StaffLever lever;
  double confidence = 0.95;      // one-sided
  int replications = 10;         // a level's verdict starts here (after the first pass)
  int max_replications = 160;    // doubled near the boundary up to this
  std::uint64_t seed = 1;
  std::uint64_t event_budget = UINT64_MAX;
  unsigned threads = 0;
};

/// One level tried.
struct LevelResult {
  double level = 0;
  int replications = 0;
  double mean = 0;
  double low = 0;    // one-sided confidence bounds of the mean
  double high = 0;
  bool holds = false;
  /// A first pass (fewer replications than StaffSearch::replications): it only
  /// steers the search. Unless its bounds are both on one side of the value,
  /// it says nothing of the target, and `holds` is false.
  bool screened = false;
};

/// Whether `r` shows that the target does not hold: a full evaluation where it
/// was not shown to hold, or a first pass with both bounds on the wrong side.
bool shown_not_to_hold(const Target& target, const LevelResult& r);

struct StaffAnswer {
  bool found = false;            // false: the target does not hold even at lever.max
  double level = 0;
  std::vector<LevelResult> tried;  // one per level, in the order first tried, with its last result
  int replications_run = 0;      // replications simulated in all (each level's are run once)
  LevelResult at_answer;
  bool has_below = false;
  LevelResult below;             // one step below the answer
  // The search does not trust monotonicity: every pair of levels it tried is checked.
  /// Tried levels above the answer at which the target is shown not to hold
  /// (shown_not_to_hold).
  std::vector<LevelResult> fails_above;
  /// Pairs (lower level, higher level) tried where the KPI moves against the target
  /// as staff rises, beyond both confidence bounds.
  std::vector<std::pair<LevelResult, LevelResult>> against_staff;
  [[nodiscard]] bool monotone() const { return fails_above.empty() && against_staff.empty(); }
};

/// Fills `answer.fails_above` and `answer.against_staff` from `answer.tried`: the
/// evidence that `target`'s KPI is not monotone in staff.
void check_monotone(const Target& target, StaffAnswer& answer);

/// The least level in [min, max] (on the step grid) at which the target holds
/// with the given one-sided confidence. Every level uses the same seed (common
/// random numbers): replication r has the same random streams at every level.
///
/// A level's verdict is the rule of the search before it had a first pass:
/// replications 0..R-1 (R = `replications`), doubled while the confidence
/// interval straddles the target, up to `max_replications`; it holds when the
/// one-sided bound is on the right side of the value. The search narrows a
/// bracket (a level that holds above, one that does not below) with a first
/// pass of 2, then 4 replications per level (when fewer than R): a level whose
/// bounds are both on one side is settled by it; one still straddling is placed
/// by its mean. The next level tried is the midpoint of the bracket, moved
/// halfway towards the linear interpolation of the target between the
/// bracket's means when they straddle it. When the bracket is one step wide, its
/// two ends get the full verdict (their first-pass replications are reused,
/// none is ever run twice); if either contradicts its first pass, the bracket is
/// reopened from the levels already tried. So the answer is a level where the
/// verdict holds with the level one step below where it does not, as with
/// bisection on the verdicts alone, and the same level whenever the verdict is
/// monotone in the level. Where it is not monotone the two searches may stop at
/// different crossings: every level tried is checked (check_monotone) and a
/// non-monotone KPI is reported in the answer.
///
/// Each level is `document` resolved with `overrides` and then the level's
/// staff_overrides, so a level that breaks a rule of the scenario format throws
/// scenario::ScenarioError with the same located message as the file would.
/// `log` receives a line per result: a first pass, then the verdict if the
/// level gets one (a level may thus be logged twice). Throws
/// std::invalid_argument if the KPI does not exist (with the nearest names).
StaffAnswer find_least_staff(const scenario::Document& document, const std::vector<scenario::Override>& overrides,
                             const StaffSearch& search, std::stop_token stop,
                             const std::function<void(const LevelResult&)>& log);

}  // namespace tracesim::sweep
