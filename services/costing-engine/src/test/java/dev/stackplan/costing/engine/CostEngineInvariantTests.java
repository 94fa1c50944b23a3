package dev.stackplan.costing.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import dev.stackplan.contracts.event.LineItem;
import dev.stackplan.contracts.event.RangeLineItem;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.event.UsdRange;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.contracts.profile.ProductProfile;
import dev.stackplan.contracts.profile.Team;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/** What holds for every request and every what-if the analyst may apply. */
class CostEngineInvariantTests {

	private static final CostEngine SHIPPED = CostFixtures.engine();

	@Property
	void aHigherRateNeverLowersATotal(@ForAll("requests") PlanRequest request, @ForAll("tiers") String tier,
			@ForAll @IntRange(min = 1, max = 5000) int raiseUsd) {
		BigDecimal rate = CostFixtures.document()
			.path("onDemand")
			.path("tiers")
			.path(tier)
			.path("weeklyUsd")
			.decimalValue();
		CostEngine raised = CostFixtures
			.engine(String.format(Locale.ROOT, "{\"onDemand\":{\"tiers\":{\"%s\":{\"weeklyUsd\":%s}}}}", tier,
					rate.add(BigDecimal.valueOf(raiseUsd))));

		List<StaffingEstimate> before = SHIPPED.estimate(request, CostFixtures.OPTIONS);
		List<StaffingEstimate> after = raised.estimate(request, CostFixtures.OPTIONS);

		for (int i = 0; i < before.size(); i++) {
			assertNotLower(after.get(i), before.get(i));
		}
	}

	/**
	 * Feature work is effort, so a longer timeline may lower a total (fewer hands, less
	 * rounding up), but it never needs more people in any week: booked plus in-house, at
	 * the busiest week.
	 */
	@Property
	void aLongerTimelineNeverNeedsMorePeoplePerWeek(@ForAll("requests") PlanRequest request,
			@ForAll @IntRange(min = 1, max = 52) int extraWeeks) {
		PlanRequest longer = new PlanRequest(request.product(), request.team(), request.timelineWeeks() + extraWeeks,
				request.budgetUsd());

		List<StaffingEstimate> before = SHIPPED.estimate(request, CostFixtures.OPTIONS);
		List<StaffingEstimate> after = SHIPPED.estimate(longer, CostFixtures.OPTIONS);

		for (int i = 0; i < before.size(); i++) {
			assertThat(peakPeople(after.get(i))).as("people at the busiest week of %s", after.get(i).roles())
				.isLessThanOrEqualTo(peakPeople(before.get(i)));
		}
	}

	private static void assertNotLower(StaffingEstimate after, StaffingEstimate before) {
		assertThat(after.onDemand().totalUsd()).as("on-demand total")
			.isGreaterThanOrEqualTo(before.onDemand().totalUsd());
		assertThat(after.fullTime().totalUsd().low()).as("full-time low")
			.isGreaterThanOrEqualTo(before.fullTime().totalUsd().low());
		assertThat(after.fullTime().totalUsd().high()).as("full-time high")
			.isGreaterThanOrEqualTo(before.fullTime().totalUsd().high());
	}

	/** Every role starts in week 1, so the busiest week has every booked engineer. */
	private static int peakPeople(StaffingEstimate estimate) {
		return estimate.roles().stream().mapToInt((role) -> role.count()).sum() + estimate.inHouse().engineers();
	}

	@Property
	void lowIsNeverAboveHigh(@ForAll("engines") CostEngine engine, @ForAll("requests") PlanRequest request) {
		for (StaffingEstimate estimate : engine.estimate(request, CostFixtures.OPTIONS)) {
			List<UsdRange> ranges = new ArrayList<>(
					List.of(estimate.fullTime().totalUsd(), estimate.fullTime().weeklyUsd(),
							estimate.comparison().savingUsd(), estimate.comparison().savingPercent()));
			estimate.fullTime().lineItems().forEach((line) -> ranges.add(line.amountUsd()));
			assertThat(ranges).allSatisfy((range) -> assertThat(range.low()).isLessThanOrEqualTo(range.high()));
		}
	}

	@Property
	void totalsEqualTheSumOfTheirLineItemsToTheCent(@ForAll("engines") CostEngine engine,
			@ForAll("requests") PlanRequest request) {
		for (StaffingEstimate estimate : engine.estimate(request, CostFixtures.OPTIONS)) {
			List<LineItem> onDemand = estimate.onDemand().lineItems();
			List<RangeLineItem> fullTime = estimate.fullTime().lineItems();
			assertThat(onDemand).allSatisfy((line) -> assertThat(line.amountUsd().scale()).isEqualTo(2));
			assertThat(fullTime).allSatisfy((line) -> {
				assertThat(line.amountUsd().low().scale()).isEqualTo(2);
				assertThat(line.amountUsd().high().scale()).isEqualTo(2);
			});
			assertThat(estimate.onDemand().totalUsd())
				.isEqualTo(onDemand.stream().map(LineItem::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
			assertThat(estimate.fullTime().totalUsd().low()).isEqualTo(
					fullTime.stream().map((line) -> line.amountUsd().low()).reduce(BigDecimal.ZERO, BigDecimal::add));
			assertThat(estimate.fullTime().totalUsd().high()).isEqualTo(
					fullTime.stream().map((line) -> line.amountUsd().high()).reduce(BigDecimal.ZERO, BigDecimal::add));
		}
	}

	@Property
	void theSameDocumentAndRequestAlwaysGiveTheSameEstimates(@ForAll("requests") PlanRequest request) {
		List<StaffingEstimate> first = SHIPPED.estimate(request, CostFixtures.OPTIONS);

		assertThat(SHIPPED.estimate(request, CostFixtures.OPTIONS)).isEqualTo(first);
		assertThat(CostFixtures.engine().estimate(request, CostFixtures.OPTIONS)).isEqualTo(first);
		List<String> reversedOptions = new ArrayList<>(CostFixtures.OPTIONS);
		Collections.reverse(reversedOptions);
		List<StaffingEstimate> reversedEstimates = new ArrayList<>(first);
		Collections.reverse(reversedEstimates);
		assertThat(SHIPPED.estimate(request, reversedOptions)).isEqualTo(reversedEstimates);
	}

	@Provide
	Arbitrary<String> tiers() {
		return Arbitraries.of("MID", "SENIOR", "LEAD");
	}

	@Provide
	Arbitrary<PlanRequest> requests() {
		Arbitrary<ProductProfile> products = Combinators
			.combine(Arbitraries.of(ProductKind.class), Arbitraries.of(Feature.class).set(),
					Arbitraries.integers().between(0, 50_000), Arbitraries.of(ExistingFramework.class))
			.as((kind, features, rps, existing) -> new ProductProfile("Generated", kind,
					features.stream().sorted().toList(), rps, existing));
		Arbitrary<Team> teams = Arbitraries.integers()
			.between(0, 8)
			.flatMap((engineers) -> Arbitraries.integers()
				.between(0, engineers)
				.map((seniors) -> new Team(engineers, seniors)));
		Arbitrary<BigDecimal> budgets = Arbitraries.bigDecimals()
			.between(BigDecimal.ZERO, new BigDecimal("1000000"))
			.ofScale(2)
			.injectNull(0.3);
		return Combinators.combine(products, teams, Arbitraries.integers().between(1, 104), budgets)
			.as(PlanRequest::new);
	}

	/** The shipped document with rates, salaries and multipliers an analyst might try. */
	@Provide
	Arbitrary<CostEngine> engines() {
		Arbitrary<BigDecimal> rates = Arbitraries.bigDecimals()
			.between(new BigDecimal("100"), new BigDecimal("10000"))
			.ofScale(2);
		Arbitrary<BigDecimal> salaries = Arbitraries.bigDecimals()
			.between(new BigDecimal("50000"), new BigDecimal("400000"))
			.ofScale(2);
		Arbitrary<BigDecimal> multipliers = Arbitraries.bigDecimals()
			.between(BigDecimal.ONE, new BigDecimal("2"))
			.ofScale(3);
		return Combinators
			.combine(rates, rates, salaries, salaries, multipliers, multipliers, Arbitraries.integers().between(0, 5))
			.as((mid, senior, salaryA, salaryB, multiplierA, multiplierB,
					creditDays) -> CostFixtures.engine(String.format(Locale.ROOT, """
							{"onDemand": {"tiers": {"MID": {"weeklyUsd": %s}, "SENIOR": {"weeklyUsd": %s}},
							              "trial": {"credit": {"workingDays": %d}}},
							 "fullTime": {"salaries": {"SENIOR": {"lowUsd": %s, "highUsd": %s}},
							              "loadedMultiplier": {"low": %s, "high": %s}}}""", mid, senior, creditDays,
							salaryA.min(salaryB), salaryA.max(salaryB), multiplierA.min(multiplierB),
							multiplierA.max(multiplierB))));
	}

}
