// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstdint>

#include "tracesim/kernel/rng.hpp"
#include "tracesim/model/plan.hpp"

// The SMS gateway (private to the model): its sending rate, the delivery delay,
// and what the recipients do. The coordinator spawns the contacts and the calls back.
namespace tracesim::model::detail {

/// How many of `n` independent trials with probability `p` succeed, one draw each.
inline std::uint32_t count_successes(kernel::KeyedEngine& rng, std::uint32_t n, double p) {
  std::uint32_t k = 0;
  for (std::uint32_t j = 0; j < n; ++j) k += rng.uniform01() < p ? 1u : 0u;
  return k;
}

class SmsGateway {
 public:
  explicit SmsGateway(const Plan& plan) : plan_{plan} {}

  /// An SMS asked for at `now` leaves when the gateway is free (one per
  /// `sms_interval`): when it is delivered.
  SimTime send(SimTime now) {
    const SimTime at = std::max(now, free_at_);
    free_at_ = at + plan_.sms_interval;
    return at + plan_.sms_delivery_delay;
  }
  /// When the gateway is free again (saved in a snapshot).
  [[nodiscard]] SimTime free_at() const noexcept { return free_at_; }
  void set_free_at(SimTime t) noexcept { free_at_ = t; }
  /// Contacts an index case reached by SMS declares online, of the `remaining` it
  /// has not named yet; the others stay unknown.
  std::uint32_t declared_contacts(kernel::KeyedEngine& rng, std::uint32_t remaining) const {
    return count_successes(rng, remaining, plan_.index_declares_contacts_share);
  }
  /// Whether the recipient calls the platform after the SMS (a draw only if some do).
  bool calls_back(kernel::KeyedEngine& rng) const {
    return plan_.sms_call_back_share > 0 && rng.uniform01() < plan_.sms_call_back_share;
  }

 private:
  const Plan& plan_;
  SimTime free_at_{};
};

}  // namespace tracesim::model::detail
