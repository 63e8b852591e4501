// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <string>

#include "../../support/builders.hpp"
#include "tracesim/model/platform.hpp"
#include "tracesim/output/summary.hpp"
#include "tracesim/sweep/kpi.hpp"

using namespace tracesim;

TEST_CASE("sweep: a KPI resolved once reads the same value as a lookup by name", "[sweep]") {
  auto pc = test::micro_platform({4, 7, 3}, 2);
  // A stale rule adds KPIs in the middle of the list: the positions must follow.
  const bool stale = GENERATE(false, true);
  CAPTURE(stale);
  if (stale) pc.tasks[1].stale.action = model::StaleAction::Sms;
  // So does an outcome share (appointments).
  const bool outcomes = GENERATE(false, true);
  CAPTURE(outcomes);
  if (outcomes) pc.tasks[0].outcomes.appointment = {0.5};
  model::RunOptions o;
  o.seed = 3;
  const auto r = model::simulate(pc, o);
  const auto names = sweep::kpi_names(pc);
  const auto all = output::kpis(r);
  REQUIRE(names.size() == all.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    CAPTURE(all[k].name);
    CHECK(names[k] == all[k].name);
    const auto id = sweep::resolve_kpi(names, all[k].name);
    const double v = sweep::kpi_value(r, id);
    CHECK((v == all[k].value || (std::isnan(v) && std::isnan(all[k].value))));
  }
  CHECK(names.end() != std::find(names.begin(), names.end(), "pools.tracers.occupancy"));
}

TEST_CASE("sweep: appointments are a period KPI", "[sweep]") {
  auto pc = test::micro_platform({4, 7, 3}, 2);
  pc.tasks[0].outcomes.appointment = {0.5};
  model::RunOptions o;
  const auto r = model::simulate(pc, o);
  const auto names = sweep::kpi_names(pc);
  const auto whole = sweep::find_kpi(names, "index.appointments");
  const auto day2 = sweep::find_kpi(names, "index.appointments", test::date("2021-03-02"), test::date("2021-03-02"));
  REQUIRE(whole);
  REQUIRE(day2);
  CHECK(sweep::kpi_value(r, *whole) == static_cast<double>(r.tasks[0].appointments));
  CHECK(sweep::kpi_value(r, *day2) == static_cast<double>(r.days[1].appointments[0]));
}

TEST_CASE("sweep: a period KPI sums its daily values over the period", "[sweep]") {
  const auto pc = test::micro_platform({4, 7, 3}, 2);
  model::RunOptions o;
  const auto r = model::simulate(pc, o);
  const auto names = sweep::kpi_names(pc);
  const auto whole = sweep::find_kpi(names, "index.arrived");
  const auto day2 = sweep::find_kpi(names, "index.arrived", test::date("2021-03-02"), test::date("2021-03-02"));
  const auto from2 = sweep::find_kpi(names, "index.arrived", test::date("2021-03-02"));
  REQUIRE(whole);
  REQUIRE(day2);
  REQUIRE(from2);
  CHECK(sweep::kpi_value(r, *whole) == 14);
  CHECK(sweep::kpi_value(r, *day2) == 7);
  CHECK(sweep::kpi_value(r, *from2) == 10);
  // Reached (call or SMS) over the whole run and summed over its days agree, and add up.
  for (const char* name : {"index.reached", "contacts.reached", "people.reached"}) {
    CAPTURE(name);
    const auto run = sweep::find_kpi(names, name);
    const auto days = sweep::find_kpi(names, name, test::date("2021-03-01"), test::date("2021-03-31"));
    REQUIRE(run);
    REQUIRE(days);
    CHECK(sweep::kpi_value(r, *run) == sweep::kpi_value(r, *days));
  }
  CHECK(sweep::kpi_value(r, *sweep::find_kpi(names, "people.reached")) ==
        sweep::kpi_value(r, *sweep::find_kpi(names, "index.reached")) +
            sweep::kpi_value(r, *sweep::find_kpi(names, "contacts.reached")));
  CHECK(sweep::kpi_value(r, *sweep::find_kpi(names, "people.reached")) > 0);
  CHECK_FALSE(sweep::find_kpi(names, "agents.occupancy", test::date("2021-03-02")));  // no daily form
  CHECK_FALSE(sweep::find_kpi(names, "index.arived"));
}

TEST_CASE("sweep: an unknown KPI name is refused with the nearest names", "[sweep]") {
  const auto names = sweep::kpi_names(test::micro_platform({1}));
  try {
    (void)sweep::resolve_kpi(names, "inbound.service_levle");
    FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string{e.what()}.rfind("no KPI named 'inbound.service_levle'; nearest: inbound.service_level", 0) == 0);
  }
}
