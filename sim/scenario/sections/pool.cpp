// SPDX-License-Identifier: Apache-2.0
// staffing.pools.<name>: one pool of agents (skills, size, shifts, blending, reinforcement).
#include <algorithm>
#include <climits>

#include "../bounds.hpp"
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

using kernel::Duration;
using model::PoolConfig;
using model::ShiftConfig;
using model::StaffingStep;

// A shift's days: all, weekdays, weekend, or a list such as [mon, tue].
std::optional<std::array<bool, 7>> read_days(ReadContext& ctx, const Field& f) {
  std::array<bool, 7> days{};
  if (f.node.IsScalar() && f.node.Scalar() == "all") return std::array<bool, 7>{true, true, true, true, true, true, true};
  if (f.node.IsScalar() && f.node.Scalar() == "weekdays") return std::array<bool, 7>{true, true, true, true, true, false, false};
  if (f.node.IsScalar() && f.node.Scalar() == "weekend") return std::array<bool, 7>{false, false, false, false, false, true, true};
  if (f.node.IsScalar()) {
    ctx.error(f.node, f.path, "expected all, weekdays, weekend or a list such as [mon, tue], got '" + f.node.Scalar() + "'");
    return std::nullopt;
  }
  if (!expect_sequence(ctx, f)) return std::nullopt;
  for (std::size_t i = 0; i < f.node.size(); ++i) {
    const Field item = f.item(i);
    const std::string s = item.node.IsScalar() ? item.node.Scalar() : "";
    const auto* it = std::find(kShortWeekdays.begin(), kShortWeekdays.end(), s);
    if (it == kShortWeekdays.end()) {
      ctx.error(item.node, item.path, "expected a day " + listed(kShortWeekdays) + ", got '" + s + "'");
      return std::nullopt;
    }
    days[static_cast<std::size_t>(it - kShortWeekdays.begin())] = true;
  }
  return days;
}

void write_days(YAML::Emitter& out, const ShiftConfig& sh) {
  out << YAML::Flow << YAML::BeginSeq;
  for (std::size_t d = 0; d < 7; ++d)
    if (sh.weekdays[d]) out << std::string{kShortWeekdays[d]};
  out << YAML::EndSeq;
}

const Keys<model::ShiftBlock>& block_keys() {
  using B = Bind<model::ShiftBlock>;
  static const Keys<model::ShiftBlock> keys{{
      B::text("name", &model::ShiftBlock::name, "what the block is (briefing, training ...)"),
      B::clock("start", &model::ShiftBlock::start, "start of the block, within the shift").required(),
      B::duration("length", &model::ShiftBlock::length, kernel::kMinute, 12 * kernel::kHour,
                  "how long the agents take no new work")
          .required(),
  }};
  return keys;
}

const Keys<ShiftConfig>& shift_keys() {
  using B = Bind<ShiftConfig>;
  auto days = [](ReadContext& ctx, const Field& f, ShiftConfig& sh) {
    if (auto d = read_days(ctx, f)) sh.weekdays = *d;
  };
  static const Keys<ShiftConfig> keys{{
      B::text("name", &ShiftConfig::name, "the shift's name in outputs (default shift1, shift2 ...)"),
      B::clock("start", &ShiftConfig::start, "start of the shift").required(),
      B::clock("end", &ShiftConfig::end, "end of the shift; after start").required(),
      B::duration("break", &ShiftConfig::break_length, Duration{0}, 12 * kernel::kHour, "one unpaid break"),
      B::clock("break_start", &ShiftConfig::break_start, "start of the break (default: centred in the shift)")
          .written_if([](const ShiftConfig& sh) { return sh.break_start.count() >= 0; }),
      B::custom("days", days, write_days, "the weekdays the shift works").with_samples({"weekdays", "[mon, wed]"}),
      B::list("blocks", &ShiftConfig::blocks, block_keys(), "planned non-call time (briefing, training)")
          .written_if([](const ShiftConfig& sh) { return !sh.blocks.empty(); }),
  }};
  return keys;
}

const Keys<model::BlendConfig>& blend_keys() {
  using B = Bind<model::BlendConfig>;
  static const Keys<model::BlendConfig> keys{{
      B::choice("mode", &model::BlendConfig::mode, Choices<model::BlendMode>{kBlendModes},
                "how agents share inbound and outbound work"),
      B::integer("reserve_agents", &model::BlendConfig::reserve_agents, 0, kMaxAgentsPerShift,
                 "reserve: idle agents kept for inbound calls")
          .in("agents"),
      B::integer("pause_queue_above", &model::BlendConfig::pause_queue_above, 0, 1000000,
                 "pause_outbound: waiting callers above which outbound work stops")
          .in("calls"),
  }};
  return keys;
}

const Keys<model::ReinforcementConfig>& reinforcement_keys() {
  using B = Bind<model::ReinforcementConfig>;
  using R = model::ReinforcementConfig;
  static const Keys<R> keys{
      {
          B::integer("backlog_above", &R::backlog_above, 0, INT32_MAX,
                     "opens when cases + contacts unresolved at close exceed this")
              .in("tasks"),
          B::number("at_risk_share_above", &R::at_risk_share_above, 0, 1,
                    "opens when this share of waiting contacts is due before the next opening")
              .in("share"),
          B::duration("activation_delay", &R::activation_delay, Duration{0}, kMaxDuration, "from trigger to opening"),
          B::integer("release_backlog_below", &R::release_backlog_below, 0, INT32_MAX,
                     "closes from the next day when the backlog falls below this")
              .in("tasks"),
      },
      {},
      // Present, the section enables the pool as a reinforcement; a trigger left out never fires.
      [](R& r) {
        r.enabled = true;
        r.backlog_above = INT32_MAX;
      },
      [](ReadContext& ctx, const MapReader& r, R&) {
        if (!r.has("backlog_above") && !r.has("at_risk_share_above"))
          ctx.error(r.field().node, r.field().path, "expected a trigger: backlog_above, at_risk_share_above or both");
      }};
  return keys;
}

const Keys<StaffingStep>& fte_step_keys() {
  using B = Bind<StaffingStep>;
  static const Keys<StaffingStep> keys{{
      B::date("from", &StaffingStep::from, "first day of the step").required(),
      B::number("fte", &StaffingStep::fte, 0, kMaxFte, "full-time equivalents from that day").in("FTE").required(),
  }};
  return keys;
}

void read_agents(ReadContext& ctx, const Field& f, StaffingStep& step) {
  if (!expect_sequence(ctx, f)) return;
  for (std::size_t k = 0; k < f.node.size(); ++k)
    if (auto n = read_int(ctx, f.item(k), 0, kMaxAgentsPerShift)) step.agents_per_shift.push_back(static_cast<int>(*n));
}

const Keys<StaffingStep>& roster_step_keys() {
  using B = Bind<StaffingStep>;
  static const Keys<StaffingStep> keys{{
      B::date("from", &StaffingStep::from, "first day of the step").required(),
      B::custom("agents", read_agents,
                [](YAML::Emitter& out, const StaffingStep& s) { out << YAML::Flow << s.agents_per_shift; },
                "agents on each shift, in shift order")
          .in("agents")
          .required(),
  }};
  return keys;
}

// Exactly one of fte or roster, read after the shifts: a roster gives one count per shift.
void read_size(ReadContext& ctx, const MapReader& m, PoolConfig& pool) {
  const bool fte = m.has("fte");
  const bool roster = m.has("roster");
  if (fte == roster) {
    ctx.error(m.field().node, m.field().path,
              "expected exactly one of fte (a list of {from, fte}) or roster (a list of {from, agents})");
    return;
  }
  pool.size_mode = fte ? model::SizeMode::Fte : model::SizeMode::Roster;
  const Field steps = m.at(fte ? "fte" : "roster");
  if (!expect_sequence(ctx, steps)) return;
  if (steps.node.size() == 0) ctx.error(steps.node, steps.path, "expected at least one step");
  for (std::size_t i = 0; i < steps.node.size(); ++i) {
    MapReader s{ctx, steps.item(i)};
    if (!s.is_map()) continue;
    StaffingStep step;
    read_keys(ctx, s, fte ? fte_step_keys() : roster_step_keys(), step);
    if (!fte && s.has("agents") && s.at("agents").node.IsSequence() &&
        s.at("agents").node.size() != pool.shifts.size()) {
      const Field ag = s.at("agents");
      ctx.error(ag.node, ag.path, "expected one count per shift (" + std::to_string(pool.shifts.size()) +
                                      "), got " + std::to_string(ag.node.size()));
    }
    pool.steps.push_back(step);
  }
}

// A size: written in the pool's own mode; read by read_size, once the shifts are known.
Key<PoolConfig> size_key(const char* name, model::SizeMode mode, const Keys<StaffingStep>& steps, const char* doc) {
  auto write = [&steps](YAML::Emitter& out, const PoolConfig& pool) {
    out << YAML::BeginSeq;
    for (const auto& st : pool.steps) write_map(out, steps, st, Style::Flow);
    out << YAML::EndSeq;
  };
  auto paths = [&steps](Schema& p, const std::string& base) { add_paths(p, base + "[]", steps); };
  return Bind<PoolConfig>::custom(name, {}, write, doc, paths).written_if([mode](const PoolConfig& pool) {
    return pool.size_mode == mode;
  });
}

// Overload: the pool's staffing level by weekday, Monday to Sunday.
void read_staffing_profile(ReadContext& ctx, const Field& f, PoolConfig& pool) {
  if (!expect_sequence(ctx, f)) return;
  if (f.node.size() != 7) {
    ctx.error(f.node, f.path, "expected 7 levels, Monday to Sunday; got " + std::to_string(f.node.size()));
    return;
  }
  for (std::size_t i = 0; i < 7; ++i)
    if (auto w = read_double(ctx, f.item(i), 0, kMaxStaffingLevel)) pool.weekday_profile[i] = *w;
}

void write_staffing_profile(YAML::Emitter& out, const PoolConfig& pool) {
  out << YAML::Flow << YAML::BeginSeq;
  for (double w : pool.weekday_profile) out << w;
  out << YAML::EndSeq;
}

bool flat_profile(const PoolConfig& pool) {
  return std::all_of(pool.weekday_profile.begin(), pool.weekday_profile.end(), [](double w) { return w == 1.0; });
}

std::vector<std::pair<std::string, std::string>> skill_choices() {
  return {{std::string{model::name_of(model::TaskType::IndexInterview)}, "calls to index cases"},
          {std::string{model::name_of(model::TaskType::ContactCall)}, "calls to contacts"},
          {std::string{kInboundSkill}, "answers the inbound line"},
          {std::string{kBackOfficeSkill}, "does back-office work (only when listed)"}};
}

// Skills, given, replace the default (every skill).
void read_skills(ReadContext& ctx, const Field& f, PoolConfig& pool) {
  if (!expect_sequence(ctx, f)) return;
  pool.skills = {false, false};
  pool.inbound_skill = false;
  pool.back_office_skill = false;
  static const auto choices = skill_choices();
  for (std::size_t i = 0; i < f.node.size(); ++i) {
    const auto c = read_choice(ctx, f.item(i), choices);
    if (!c) continue;
    if (*c == kInboundSkill) {
      pool.inbound_skill = true;
    } else if (*c == kBackOfficeSkill) {
      pool.back_office_skill = true;
    } else {
      pool.skills[*c == choices[0].first ? 0 : 1] = true;
    }
  }
}

void write_skills(YAML::Emitter& out, const PoolConfig& pool) {
  out << YAML::Flow << YAML::BeginSeq;
  for (std::size_t t = 0; t < model::kTaskTypes; ++t)
    if (pool.skills[t]) out << std::string{model::name_of(static_cast<model::TaskType>(t))};
  if (pool.inbound_skill) out << std::string{kInboundSkill};
  if (pool.back_office_skill) out << std::string{kBackOfficeSkill};
  out << YAML::EndSeq;
}

}  // namespace

const Keys<PoolConfig>& pool_keys() {
  using B = Bind<PoolConfig>;
  static const Keys<PoolConfig> keys{
      {
          B::custom("skills", read_skills, write_skills, "the work the pool does (default: all of it)")
              .with_samples({"[index_interview, contact_call]"}),
          B::number("efficiency", &PoolConfig::efficiency, 0.05, 20, "talk and wrap-up times are divided by this")
              .in("factor"),
          size_key("fte", model::SizeMode::Fte, fte_step_keys(), "the pool's size in FTE from dated steps"),
          size_key("roster", model::SizeMode::Roster, roster_step_keys(),
                   "the pool's size as agents per shift from dated steps"),
          B::number("contracted_hours_per_week", &PoolConfig::contracted_hours_per_week, 1, 80,
                    "hours of one FTE")
              .in("hours"),
          B::number("shrinkage", &PoolConfig::shrinkage, 0, 0.95, "absence, training, briefings").in("share"),
          B::list("shifts", &PoolConfig::shifts, shift_keys(), "the shifts agents work",
                  [](ShiftConfig& sh, std::size_t i) { sh.name = "shift" + std::to_string(i + 1); },
                  "expected at least one shift")
              .required(),
          B::duration("no_new_attempt_before_end", &PoolConfig::no_new_attempt_before_end, Duration{0},
                      12 * kernel::kHour, "no outbound attempt starts this close to the end of a shift"),
          B::mapping("blend", &PoolConfig::blend, blend_keys(), Style::Flow, "inbound and outbound work"),
          B::mapping("reinforcement", &PoolConfig::reinforcement, reinforcement_keys(), Style::Flow,
                     "an overflow pool, staffed only while active")
              .written_if([](const PoolConfig& pool) { return pool.reinforcement.enabled; }),
          B::custom("weekday_profile", read_staffing_profile, write_staffing_profile,
                    "staffing level by weekday, Monday to Sunday")
              .in("level")
              .with_samples({"[1, 1, 1, 1, 1, 0.5, 0.5]"})
              .written_if([](const PoolConfig& pool) { return !flat_profile(pool); }),
      },
      {"skills", "efficiency", "contracted_hours_per_week", "shrinkage", "no_new_attempt_before_end", "shifts", "blend",
       "reinforcement", "weekday_profile", "fte", "roster"},
      {},
      read_size};
  return keys;
}

}  // namespace tracesim::scenario::detail
