package dev.stackplan.reliability;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.stackplan.reliability.PlanTraffic.Answer;
import dev.stackplan.reliability.PlanTraffic.Failure;

/**
 * The outcome of a scenario's traffic, checked against Postgres: every key that got a 202
 * (first try or a retry) must have exactly one plan, and that plan must be COMPLETE.
 *
 * @param scenario what was done to the platform
 * @param sent requests sent by the constant-rate load
 * @param accepted keys that got a 202, on the first try or a retry
 * @param completed accepted plans COMPLETE in {@code gateway.plans}
 * @param lost accepted plans without a row or not COMPLETE after the drain
 * @param duplicates keys with more than one plan (two 202s with different ids, a
 * different id in intake's key table, a plan id with two rows)
 * @param serverErrors answers 500-599 (503 included), every attempt
 * @param serviceUnavailable of those, 503
 * @param refused attempts no one listened for
 * @param cutOff attempts whose connection ended before the answer
 * @param timedOut attempts with no answer within the request timeout
 * @param maxLatency the slowest first attempt, from its due time
 * @param lostPlans the ids of lost plans (for the failure message)
 * @param serverErrorExamples the first 5xx answers, when and what they said
 */
record Tally(String scenario, long sent, long accepted, long completed, long lost, long duplicates, long serverErrors,
		long serviceUnavailable, long refused, long cutOff, long timedOut, Duration maxLatency,
		Map<UUID, String> lostPlans, List<String> serverErrorExamples) {

	private static final int EXAMPLES = 3;

	static final String DEMO_CLIENT = "demo";

	static Tally of(String scenario, List<Answer> firstAttempts, List<Answer> retries, PlanLedger ledger,
			Duration drain) {
		List<Answer> every = Stream.concat(firstAttempts.stream(), retries.stream()).toList();
		Map<String, Set<UUID>> plansOfKey = new HashMap<>();
		for (Answer answer : every) {
			if (answer.accepted()) {
				plansOfKey.computeIfAbsent(answer.idempotencyKey(), (key) -> new LinkedHashSet<>())
					.add(answer.planId());
			}
		}
		Set<UUID> acceptedPlans = new HashSet<>();
		plansOfKey.values().forEach(acceptedPlans::addAll);
		Map<UUID, String> statuses = acceptedPlans.isEmpty() ? Map.of() : ledger.awaitComplete(acceptedPlans, drain);
		long duplicates = plansOfKey.values().stream().filter((plans) -> plans.size() > 1).count();
		if (!plansOfKey.isEmpty()) {
			Map<String, UUID> recorded = ledger.planOfKey(DEMO_CLIENT, plansOfKey.keySet());
			duplicates += plansOfKey.entrySet()
				.stream()
				.filter((entry) -> recorded.containsKey(entry.getKey())
						&& !entry.getValue().contains(recorded.get(entry.getKey())))
				.count();
			duplicates += ledger.rowsPerPlan(acceptedPlans).values().stream().filter((rows) -> rows > 1).count();
		}
		Map<UUID, String> lostPlans = new HashMap<>();
		for (UUID plan : acceptedPlans) {
			String status = statuses.get(plan);
			if (!PlanLedger.COMPLETE.equals(status)) {
				lostPlans.put(plan, (status != null) ? status : "no row");
			}
		}
		long completed = acceptedPlans.size() - lostPlans.size();
		return new Tally(scenario, firstAttempts.size(), plansOfKey.size(), completed, lostPlans.size(), duplicates,
				count(every, Answer::serverError), count(every, (answer) -> answer.status() == 503),
				count(every, (answer) -> answer.failure() == Failure.REFUSED),
				count(every, (answer) -> answer.failure() == Failure.CUT_OFF),
				count(every, (answer) -> answer.failure() == Failure.TIMED_OUT), maxLatency(firstAttempts),
				Map.copyOf(lostPlans),
				every.stream()
					.filter(Answer::serverError)
					.limit(EXAMPLES)
					.map((answer) -> answer.due() + " " + answer.status() + " after " + answer.latency().toMillis()
							+ " ms: " + answer.responseBody())
					.toList());
	}

	static Duration maxLatency(Collection<Answer> answers) {
		return answers.stream().map(Answer::latency).max(Duration::compareTo).orElse(Duration.ZERO);
	}

	private static long count(List<Answer> answers, Predicate<Answer> which) {
		return answers.stream().filter(which).count();
	}

	/** The lost plans, a few of them, for an assertion's message. */
	String lostExamples() {
		return this.lostPlans.entrySet().stream().limit(10).map(Object::toString).toList().toString();
	}

	@Override
	public String toString() {
		return "%s: sent %d, accepted %d, completed %d, lost %d, duplicates %d, 5xx %d (503: %d), refused %d, cut off %d, timed out %d, max latency %d ms"
			.formatted(this.scenario, this.sent, this.accepted, this.completed, this.lost, this.duplicates,
					this.serverErrors, this.serviceUnavailable, this.refused, this.cutOff, this.timedOut,
					this.maxLatency.toMillis());
	}

}
