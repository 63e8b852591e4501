// SPDX-License-Identifier: Apache-2.0
// tasks (index interviews and contact calls) and attempt (one outbound call).
#include "../bounds.hpp"
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

using kernel::Duration;
using model::AttemptConfig;
using model::RetryPolicy;
using model::TaskConfig;

// min_spacing: one duration, or one per attempt number (the last repeats).
void read_min_spacing(ReadContext& ctx, const Field& f, RetryPolicy& r) {
  if (f.node.IsScalar()) {
    if (auto d = read_duration(ctx, f, Duration{0}, kMaxDuration)) r.min_spacing = {*d};
    return;
  }
  if (!expect_sequence(ctx, f)) return;
  r.min_spacing.clear();
  for (std::size_t i = 0; i < f.node.size(); ++i)
    if (auto d = read_duration(ctx, f.item(i), Duration{0}, kMaxDuration)) r.min_spacing.push_back(*d);
  if (f.node.size() == 0) ctx.error(f.node, f.path, "expected at least one duration");
}

void write_min_spacing(YAML::Emitter& out, const RetryPolicy& r) {
  if (r.min_spacing.size() == 1) {
    out << format_duration(r.min_spacing.front());
    return;
  }
  out << YAML::Flow << YAML::BeginSeq;
  for (const Duration d : r.min_spacing) out << format_duration(d);
  out << YAML::EndSeq;
}

// A share of reached calls: one number, or one per attempt number (the last repeats).
void read_shares(ReadContext& ctx, const Field& f, std::vector<double>& out) {
  if (f.node.IsScalar()) {
    if (auto p = read_double(ctx, f, 0, 1)) out = {*p};
    return;
  }
  if (!expect_sequence(ctx, f)) return;
  out.clear();
  for (std::size_t i = 0; i < f.node.size(); ++i)
    if (auto p = read_double(ctx, f.item(i), 0, 1)) out.push_back(*p);
  if (f.node.size() == 0) ctx.error(f.node, f.path, "expected at least one share");
}

const Keys<model::OutcomeConfig>& outcome_keys() {
  using B = Bind<model::OutcomeConfig>;
  static const Keys<model::OutcomeConfig> keys{{
      B::custom(
           "appointment",
           [](ReadContext& ctx, const Field& f, model::OutcomeConfig& o) { read_shares(ctx, f, o.appointment); },
           [](YAML::Emitter& out, const model::OutcomeConfig& o) {
             if (o.appointment.size() == 1) {
               out << o.appointment.front();
             } else {
               out << YAML::Flow << o.appointment;
             }
           },
           "share of reached calls that end with an appointment, by attempt number; the last repeats")
          .in("probability")
          .with_samples({"0.115", "[0.115, 0.08]"}),
  }};
  return keys;
}

const Keys<RetryPolicy>& retry_keys() {
  using B = Bind<RetryPolicy>;
  static const Keys<RetryPolicy> keys{{
      B::integer("max_attempts", &RetryPolicy::max_attempts, 1, 100, "call attempts before the task is exhausted")
          .in("attempts"),
      B::custom("min_spacing", read_min_spacing, write_min_spacing,
                "from the end of one attempt to the next, by attempt number; the last repeats")
          .with_samples({"0s", "1h30m", "[56d, 2d]", "365d"}),
      B::flag("only_while_open", &RetryPolicy::only_while_open, "attempts start only within opening hours"),
      B::choice("on_exhausted", &RetryPolicy::on_exhausted, Choices<model::OnExhausted>{kOnExhausted},
                "what happens after the last failed attempt"),
  }};
  return keys;
}

// Overload: stale work.
const Keys<model::StaleConfig>& stale_keys() {
  using B = Bind<model::StaleConfig>;
  static const Keys<model::StaleConfig> keys{{
      B::choice("action", &model::StaleConfig::action, Choices<model::StaleAction>{kStaleActions},
                "what becomes of a task still waiting `after` past its deadline"),
      B::duration("after", &model::StaleConfig::after, Duration{0}, kMaxDuration, "from the deadline"),
  }};
  return keys;
}

const Keys<TaskConfig>& task_keys() {
  using B = Bind<TaskConfig>;
  static const Keys<TaskConfig> keys{
      {
          B::duration("deadline", &TaskConfig::deadline, kernel::kMinute, kMaxDuration,
                      "from arrival (index) or identification (contact)"),
          B::duration_dist("talk", &TaskConfig::talk, "talk time of a reached call"),
          B::duration_dist("wrap_up", &TaskConfig::wrap_up, "after-call work of a reached call"),
          B::mapping("retry", &TaskConfig::retry, retry_keys(), Style::Block, "the retry rule"),
          B::flag("sms_at_deadline", &TaskConfig::sms_at_deadline, "send an SMS when the deadline passes unreached"),
          B::mapping("stale", &TaskConfig::stale, stale_keys(), Style::Flow, "stale work: dropped, SMS or handed over")
              .written_if([](const TaskConfig& t) { return t.stale.action != model::StaleAction::Keep; }),
          B::duration_dist("entry_per_contact", &TaskConfig::entry_per_contact,
                           "after-call entry of each contact the case names (index interviews)")
              .written_if([](const TaskConfig& t) {
                return t.entry_per_contact.law != model::DurationLaw::Deterministic ||
                       t.entry_per_contact.mean.count() != 0;
              }),
          B::mapping("outcomes", &TaskConfig::outcomes, outcome_keys(), Style::Flow,
                     "what a reached call ends with (appointments)")
              .written_if([](const TaskConfig& t) { return !t.outcomes.appointment.empty(); }),
      },
      {"deadline", "talk", "wrap_up", "entry_per_contact", "sms_at_deadline", "retry", "stale", "outcomes"}};
  return keys;
}

// answer_probability: one probability, or one per attempt number (the last repeats).
void read_answer_probability(ReadContext& ctx, const Field& f, AttemptConfig& a) {
  if (f.node.IsScalar()) {
    if (auto p = read_double(ctx, f, 0, 1)) a.answer_probability = {*p};
    return;
  }
  if (!expect_sequence(ctx, f)) return;
  a.answer_probability.clear();
  for (std::size_t i = 0; i < f.node.size(); ++i)
    if (auto p = read_double(ctx, f.item(i), 0, 1)) a.answer_probability.push_back(*p);
  if (f.node.size() == 0) ctx.error(f.node, f.path, "expected at least one probability");
}

}  // namespace

const Keys<Tasks>& tasks_keys() {
  using B = Bind<Tasks>;
  auto task = [](model::TaskType t) {
    return B::mapping(std::string{model::name_of(t)}, [t](auto& tasks) -> auto& { return tasks[index_of(t)]; },
                      task_keys(), Style::Block, "the task's deadline, durations and retry rule");
  };
  static const Keys<Tasks> keys{{task(model::TaskType::IndexInterview), task(model::TaskType::ContactCall)}};
  return keys;
}

const Keys<AttemptConfig>& attempt_keys() {
  using B = Bind<AttemptConfig>;
  static const Keys<AttemptConfig> keys{{
      B::duration_dist("ring", &AttemptConfig::ring, "ringing before no answer"),
      B::duration_dist("no_answer_handling", &AttemptConfig::no_answer_handling,
                       "agent time after an unanswered attempt"),
      B::custom("answer_probability", read_answer_probability,
                [](YAML::Emitter& out, const AttemptConfig& a) { out << YAML::Flow << a.answer_probability; },
                "probability of an answer, by attempt number; the last repeats")
          .in("probability")
          .with_samples({"0.5", "[0.9, 0.5]"}),
      B::hourly("answer_hour_factor", &AttemptConfig::answer_hour_factor, 100,
                "multiplies the answer probability by hour of day"),
  }};
  return keys;
}

}  // namespace tracesim::scenario::detail
