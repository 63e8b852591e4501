// SPDX-License-Identifier: Apache-2.0
// The SMS gateway alone: its rate, the delivery delay and the recipients' draws.
#include <catch2/catch.hpp>

#include "../../../sim/model/sms.hpp"
#include "../../support/builders.hpp"

using namespace tracesim;
using model::detail::SmsGateway;

TEST_CASE("model: the SMS gateway sends at its rate and delivers after the delay", "[model][sms]") {
  // 60 SMS an hour: one a minute; delivered 2 minutes after sending.
  auto pc = test::micro_platform({0});
  pc.sms.gateway_per_hour = 60;
  pc.sms.delivery_delay = 2 * kernel::kMinute;
  const model::Plan plan = model::compile(pc);
  SmsGateway gateway{plan};
  const kernel::SimTime t0 = kernel::at_ms(test::at(0, "10:00"));
  CHECK(gateway.send(t0) == t0 + 2 * kernel::kMinute);
  CHECK(gateway.send(t0) == t0 + 3 * kernel::kMinute);  // waits for the gateway
  CHECK(gateway.send(t0 + kernel::kHour) == t0 + kernel::kHour + 2 * kernel::kMinute);
}

TEST_CASE("model: SMS recipients declare contacts and call back as their shares say", "[model][sms]") {
  auto pc = test::micro_platform({0});
  pc.sms.index_declares_contacts_share = 1.0;
  pc.inbound.sms_call_back_share = 0.0;
  const model::Plan plan = model::compile(pc);
  SmsGateway gateway{plan};
  kernel::KeyedEngine rng{5};
  kernel::KeyedEngine untouched{5};
  CHECK(gateway.declared_contacts(rng, 4) == 4);
  CHECK_FALSE(gateway.calls_back(untouched));
  CHECK(untouched() == kernel::KeyedEngine{5}());  // a share of zero draws nothing
}

TEST_CASE("model: successes are counted with one draw per trial", "[model][sms]") {
  kernel::KeyedEngine rng{11};
  std::uint32_t total = 0;
  for (int i = 0; i < 1000; ++i) total += model::detail::count_successes(rng, 10, 0.3);
  // 10,000 trials at 0.3: 3,000 expected, standard deviation about 46.
  CHECK(static_cast<double>(total) == Approx(3000).margin(200));
  CHECK(model::detail::count_successes(rng, 0, 1.0) == 0);
}
