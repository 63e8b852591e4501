// SPDX-License-Identifier: Apache-2.0
// inbound: the platform's inbound line (callers, their patience, retrials, call-backs).
#include "../bounds.hpp"
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

using kernel::Duration;
using model::InboundConfig;

const Keys<InboundConfig>& retrial_keys() {
  using B = Bind<InboundConfig>;
  static const Keys<InboundConfig> keys{{
      B::number("share", &InboundConfig::retrial_share, 0, 1, "callers who hang up and call again").in("share"),
      B::duration_dist("delay", &InboundConfig::retrial_delay, "from hanging up to calling again"),
      B::integer("max", &InboundConfig::max_retrials, 0, 100, "retrials per caller at most").in("retrials"),
  }};
  return keys;
}

const Keys<InboundConfig>& call_back_keys() {
  using B = Bind<InboundConfig>;
  static const Keys<InboundConfig> keys{{
      B::number("sms_share", &InboundConfig::sms_call_back_share, 0, 1, "SMS recipients who call the platform")
          .in("share"),
      B::number("missed_call_share", &InboundConfig::missed_call_back_share, 0, 1,
                "people who call back after a missed call")
          .in("share"),
      B::duration_dist("delay", &InboundConfig::call_back_delay, "from the SMS or missed call to the call"),
  }};
  return keys;
}

// patience: a duration distribution, or `unlimited` (callers never hang up).
void read_patience(ReadContext& ctx, const Field& f, InboundConfig& in) {
  if (f.node.IsScalar() && f.node.Scalar() == "unlimited") {
    in.patience_limited = false;
  } else if (auto d = read_duration_dist(ctx, f)) {
    in.patience = *d;
  }
}

void write_patience(YAML::Emitter& out, const InboundConfig& in) {
  if (in.patience_limited) {
    write_duration_dist(out, in.patience);
  } else {
    out << "unlimited";
  }
}

}  // namespace

const Keys<InboundConfig>& inbound_keys() {
  using B = Bind<InboundConfig>;
  auto self = [](auto& in) -> auto& { return in; };
  static const Keys<InboundConfig> keys{{
      B::number("per_day", &InboundConfig::per_day, 0, kMaxPerDay, "independent calls per day (Poisson)")
          .in("calls/day"),
      B::hourly("hourly_profile", &InboundConfig::hourly_profile, 1e6,
                "weight of each hour of the day in the independent calls; all zero: flat"),
      B::custom("patience", read_patience, write_patience, "how long a caller waits before hanging up",
                add_duration_dist_paths)
          .with_samples({"unlimited", "1m", "{dist: gamma, mean: 3m, cv: 0.5}"}),
      B::duration_dist("talk", &InboundConfig::talk, "talk time of calls other than index interviews"),
      B::duration_dist("wrap_up", &InboundConfig::wrap_up, "after-call work of those calls"),
      B::mapping("retrial", self, retrial_keys(), Style::Block, "callers who hang up and call again"),
      B::mapping("call_back", self, call_back_keys(), Style::Block, "calls after an SMS or a missed call"),
      B::choice("when_closed", &InboundConfig::when_closed, Choices<model::WhenClosed>{kWhenClosed},
                "what a call gets outside opening hours"),
      B::duration("service_level_threshold", &InboundConfig::service_level_threshold, Duration{0},
                  24 * kernel::kHour, "answered within this counts towards the service level"),
  }};
  return keys;
}

}  // namespace tracesim::scenario::detail
