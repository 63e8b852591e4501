// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tracesim/kernel/time.hpp"
#include "tracesim/model/config.hpp"

// The words of the scenario format, each spelt once: the reader, the resolved
// writer, the key paths and the messages all take them from here. Names the
// model already owns (task types, distribution laws) come from model::name_of.
namespace tracesim::scenario::detail {

/// Monday .. Sunday, as keys of calendar.opening and in messages.
inline constexpr std::array<std::string_view, 7> kWeekdays{"monday", "tuesday",  "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};
/// Monday .. Sunday, as items of a shift's `days`.
inline constexpr std::array<std::string_view, 7> kShortWeekdays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/// "a, b, c or d": allowed words, as messages list them.
template <class Names>
std::string listed(const Names& names) {
  std::string out;
  std::size_t i = 0;
  const std::size_t n = std::size(names);
  for (const auto& name : names) {
    out += (i == 0 ? "" : i + 1 == n ? " or " : ", ") + std::string{name};
    ++i;
  }
  return out;
}

/// One allowed value of a choice key: the enum value, its spelling, and what it means
/// (shown when a value is not one of them).
template <class E>
struct Choice {
  E value;
  std::string_view name;
  std::string_view what;
};

template <class E>
using Choices = std::span<const Choice<E>>;

/// The form read_choice() takes.
template <class E>
std::vector<std::pair<std::string, std::string>> described(Choices<E> choices) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& c : choices) out.emplace_back(std::string{c.name}, std::string{c.what});
  return out;
}

template <class E>
std::string_view name_in(Choices<E> choices, E value) {
  for (const auto& c : choices)
    if (c.value == value) return c.name;
  return "?";
}

template <class E>
std::optional<E> value_in(Choices<E> choices, std::string_view name) {
  for (const auto& c : choices)
    if (c.name == name) return c.value;
  return std::nullopt;
}

inline constexpr std::array<Choice<model::OnExhausted>, 2> kOnExhausted{{
    {model::OnExhausted::GiveUp, "give_up", "counted as not reached"},
    {model::OnExhausted::Sms, "sms", "send an SMS instead"},
}};

inline constexpr std::array<Choice<model::StaleAction>, 4> kStaleActions{{
    {model::StaleAction::Keep, "keep", "waits as long as it takes"},
    {model::StaleAction::Drop, "drop", "leaves the platform, counted as dropped"},
    {model::StaleAction::Sms, "sms", "send an SMS instead"},
    {model::StaleAction::National, "national", "handed to the national level, within its daily capacity"},
}};

inline constexpr std::array<Choice<model::BlendMode>, 4> kBlendModes{{
    {model::BlendMode::InboundFirst, "inbound_first", "a free agent takes a waiting caller first"},
    {model::BlendMode::OutboundFirst, "outbound_first", "a free agent takes outbound work first"},
    {model::BlendMode::Reserve, "reserve", "inbound first, and keep reserve_agents idle for it"},
    {model::BlendMode::PauseOutbound, "pause_outbound",
     "outbound first, but no outbound while more than pause_queue_above wait"},
}};

inline constexpr std::array<Choice<model::Discipline>, 3> kDisciplines{{
    {model::Discipline::Fifo, "fifo", "oldest first"},
    {model::Discipline::Lifo, "lifo", "newest first"},
    {model::Discipline::EarliestDeadlineFirst, "earliest_deadline_first", "nearest deadline first"},
}};

inline constexpr std::array<Choice<model::WhenClosed>, 2> kWhenClosed{{
    {model::WhenClosed::Message, "message", "refused with a closed message (counted)"},
    {model::WhenClosed::Wait, "wait", "queued until opening"},
}};

/// A calibration target's role: true when the search fits it.
inline constexpr std::array<Choice<bool>, 2> kTargetRoles{{
    {true, "fit", "the search fits it"},
    {false, "holdout", "reported, never fitted"},
}};

/// A pool's skills: the two task types (spelt by model::name_of) and the inbound line.
inline constexpr std::string_view kInboundSkill = "inbound";
inline constexpr std::string_view kBackOfficeSkill = "back_office";

/// The laws of distributions, named by the model (model::name_of), with what each
/// uses (shown when `dist` is not one of them).
Choices<model::DurationLaw> duration_laws();
Choices<model::CountLaw> count_laws();

}  // namespace tracesim::scenario::detail
