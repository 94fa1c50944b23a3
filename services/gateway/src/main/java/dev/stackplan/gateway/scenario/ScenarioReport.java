package dev.stackplan.gateway.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scenario against its baseline: per plan, whether the recommendation flipped and how
 * scores and costs moved; in aggregate, how many flipped which way and the total and mean
 * cost change. Biggest changes first. Costs compared are those of each side's recommended
 * option. Money deltas are exact; means and shares are rounded half-even to cents and to
 * four decimals.
 *
 * @param scenarioId the scenario
 * @param name its name
 * @param status its status
 * @param replayed plans replayed with both halves back
 * @param compared plans that have a complete production baseline
 * @param withoutBaseline plans replayed whose production plan is not complete
 * @param identical plans whose scenario result equals the baseline in every score and
 * every cost
 * @param aggregates the totals
 * @param plans the plans, biggest changes first
 */
record ScenarioReport(UUID scenarioId, String name, ScenarioStatus status, int replayed, int compared,
		int withoutBaseline, int identical, Aggregates aggregates, List<PlanComparison> plans) {

	private static final TypeReference<Map<String, BigDecimal>> SCORES = new TypeReference<>() {
	};

	record Aggregates(int flipped, BigDecimal flippedShare, List<Flip> flips, DeltaSummary onDemandDeltaUsd,
			DeltaSummary fullTimeLowDeltaUsd, DeltaSummary fullTimeHighDeltaUsd) {

	}

	record Flip(String from, String to, int plans, BigDecimal share) {

	}

	record DeltaSummary(BigDecimal total, BigDecimal mean) {

	}

	record Change(BigDecimal baseline, BigDecimal scenario, BigDecimal delta) {

		static Change of(BigDecimal baseline, BigDecimal scenario) {
			return new Change(baseline, scenario, scenario.subtract(baseline));
		}

	}

	record PlanComparison(UUID planId, @Nullable String productKind, String baselineRecommendation,
			String scenarioRecommendation, boolean flipped, boolean identical, Map<String, BigDecimal> scoreDeltas,
			Change onDemandUsd, Change fullTimeLowUsd, Change fullTimeHighUsd) {

	}

	static ScenarioReport of(ScenarioRow scenario, List<ComparedPlan> results, JsonMapper json) {
		List<PlanComparison> plans = new ArrayList<>();
		int withoutBaseline = 0;
		for (ComparedPlan result : results) {
			if (!result.hasBaseline() || result.baselineRecommendation() == null || result.baselineOnDemand() == null) {
				withoutBaseline++;
				continue;
			}
			plans.add(compare(result, json));
		}
		plans.sort(Comparator.comparing(PlanComparison::flipped)
			.reversed()
			.thenComparing((plan) -> plan.onDemandUsd().delta().abs(), Comparator.reverseOrder())
			.thenComparing(PlanComparison::planId));
		int compared = plans.size();
		Map<String, Long> flips = plans.stream()
			.filter(PlanComparison::flipped)
			.collect(Collectors.groupingBy(
					(plan) -> plan.baselineRecommendation() + "->" + plan.scenarioRecommendation(), TreeMap::new,
					Collectors.counting()));
		List<Flip> flipList = flips.entrySet()
			.stream()
			.map((flip) -> new Flip(flip.getKey().split("->")[0], flip.getKey().split("->")[1],
					flip.getValue().intValue(), share(flip.getValue(), compared)))
			.toList();
		int flipped = (int) plans.stream().filter(PlanComparison::flipped).count();
		Aggregates aggregates = new Aggregates(flipped, share(flipped, compared), flipList,
				summary(plans, PlanComparison::onDemandUsd), summary(plans, PlanComparison::fullTimeLowUsd),
				summary(plans, PlanComparison::fullTimeHighUsd));
		int identical = (int) plans.stream().filter(PlanComparison::identical).count();
		return new ScenarioReport(scenario.scenarioId(), scenario.name(), scenario.status(), results.size(), compared,
				withoutBaseline, identical, aggregates, plans);
	}

	private static PlanComparison compare(ComparedPlan result, JsonMapper json) {
		Map<String, BigDecimal> baselineScores = json.readValue(result.baselineScores(), SCORES);
		Map<String, BigDecimal> scenarioScores = json.readValue(result.scenarioScores(), SCORES);
		Map<String, BigDecimal> scoreDeltas = new TreeMap<>();
		scenarioScores.forEach((option, score) -> scoreDeltas.put(option,
				score.subtract(baselineScores.getOrDefault(option, BigDecimal.ZERO))));
		return new PlanComparison(result.planId(), result.productKind(), result.baselineRecommendation(),
				result.scenarioRecommendation(),
				!result.baselineRecommendation().equals(result.scenarioRecommendation()), result.identical(),
				scoreDeltas, Change.of(result.baselineOnDemand(), result.scenarioOnDemand()),
				Change.of(result.baselineFullTimeLow(), result.scenarioFullTimeLow()),
				Change.of(result.baselineFullTimeHigh(), result.scenarioFullTimeHigh()));
	}

	private static DeltaSummary summary(List<PlanComparison> plans, Function<PlanComparison, Change> change) {
		BigDecimal total = plans.stream()
			.map((plan) -> change.apply(plan).delta())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal mean = plans.isEmpty() ? BigDecimal.ZERO
				: total.divide(BigDecimal.valueOf(plans.size()), 2, RoundingMode.HALF_EVEN);
		return new DeltaSummary(total, mean);
	}

	private static BigDecimal share(long part, int whole) {
		return (whole == 0) ? BigDecimal.ZERO
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
	}

	/** The plans as CSV, one line each, in report order. */
	String toCsv() {
		StringBuilder csv = new StringBuilder(
				"planId,productKind,baselineRecommendation,scenarioRecommendation,flipped,identical,"
						+ "baselineOnDemandUsd,scenarioOnDemandUsd,onDemandDeltaUsd,fullTimeLowDeltaUsd,"
						+ "fullTimeHighDeltaUsd,scoreDeltas\n");
		for (PlanComparison plan : this.plans) {
			csv.append(plan.planId())
				.append(',')
				.append((plan.productKind() != null) ? plan.productKind() : "")
				.append(',')
				.append(plan.baselineRecommendation())
				.append(',')
				.append(plan.scenarioRecommendation())
				.append(',')
				.append(plan.flipped())
				.append(',')
				.append(plan.identical())
				.append(',')
				.append(plan.onDemandUsd().baseline().toPlainString())
				.append(',')
				.append(plan.onDemandUsd().scenario().toPlainString())
				.append(',')
				.append(plan.onDemandUsd().delta().toPlainString())
				.append(',')
				.append(plan.fullTimeLowUsd().delta().toPlainString())
				.append(',')
				.append(plan.fullTimeHighUsd().delta().toPlainString())
				.append(",\"")
				.append(plan.scoreDeltas()
					.entrySet()
					.stream()
					.map((delta) -> delta.getKey() + "=" + delta.getValue().toPlainString())
					.collect(Collectors.joining(" ")))
				.append("\"\n");
		}
		return csv.toString();
	}

}
