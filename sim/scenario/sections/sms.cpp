// SPDX-License-Identifier: Apache-2.0
// sms: which tasks go straight to SMS, and the gateway that sends them.
#include "../bounds.hpp"
#include "../sections.hpp"

namespace tracesim::scenario::detail {
namespace {

using kernel::Duration;
using model::SmsConfig;
using model::SmsPolicyStep;

const Keys<SmsPolicyStep>& policy_step_keys() {
  using B = Bind<SmsPolicyStep>;
  auto share = [](model::TaskType t) {
    return B::number(std::string{model::name_of(t)}, [t](auto& step) -> auto& { return step.share[index_of(t)]; },
                     0, 1, "share of new tasks of this type sent an SMS instead of called")
        .in("share");
  };
  static const Keys<SmsPolicyStep> keys{{
      B::date("from", &SmsPolicyStep::from, "first day of the step").required(),
      B::text("segment", &SmsPolicyStep::segment, "the segment it applies to (none: every segment)")
          .with_samples({"all"})
          .written_if([](const SmsPolicyStep& s) { return !s.segment.empty(); }),
      share(model::TaskType::IndexInterview),
      share(model::TaskType::ContactCall),
  }};
  return keys;
}

const Keys<SmsConfig>& gateway_keys() {
  using B = Bind<SmsConfig>;
  static const Keys<SmsConfig> keys{{
      B::number("per_hour", &SmsConfig::gateway_per_hour, 1, 1e9, "SMS the gateway sends per hour").in("SMS/hour"),
      B::duration("delivery_delay", &SmsConfig::delivery_delay, Duration{0}, kMaxDuration,
                  "from sending to delivery"),
  }};
  return keys;
}

}  // namespace

const Keys<SmsConfig>& sms_keys() {
  using B = Bind<SmsConfig>;
  auto self = [](auto& s) -> auto& { return s; };
  static const Keys<SmsConfig> keys{{
      B::list("policy", &SmsConfig::policy, policy_step_keys(), "dated steps of the SMS policy, in date order"),
      B::mapping("gateway", self, gateway_keys(), Style::Flow, "the SMS gateway"),
      B::number("index_declares_contacts_share", &SmsConfig::index_declares_contacts_share, 0, 1,
                "index cases reached by SMS who list their contacts online")
          .in("share"),
  }};
  return keys;
}

}  // namespace tracesim::scenario::detail
