package dev.stackplan.contracts.knowledge;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class OverriddenEnginesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.load();

	private static final JsonNode RAISED_MID = JSON
		.readTree("{\"cost\": {\"onDemand\": {\"tiers\": {\"MID\": {\"weeklyUsd\": 2100}}}}}");

	private static final JsonNode RAISED_SENIOR = JSON
		.readTree("{\"cost\": {\"onDemand\": {\"tiers\": {\"SENIOR\": {\"weeklyUsd\": 3100}}}}}");

	private final AtomicInteger builds = new AtomicInteger();

	@Test
	void theSameOverridesGetTheEngineBuiltOnceOnTheirOwnKnowledgeVersion() {
		OverriddenEngines<KnowledgeBase> engines = new OverriddenEngines<>(KNOWLEDGE, this::counted, 4);

		OverriddenEngines.Built<KnowledgeBase> first = engines.forOverrides(RAISED_MID);
		OverriddenEngines.Built<KnowledgeBase> again = engines.forOverrides(RAISED_MID.deepCopy());

		assertThat(again).isSameAs(first);
		assertThat(this.builds).hasValue(1);
		assertThat(first.knowledgeVersion()).isEqualTo(KNOWLEDGE.withOverrides(RAISED_MID).version())
			.isNotEqualTo(KNOWLEDGE.version());
		assertThat(first.engine().tree().at("/cost/onDemand/tiers/MID/weeklyUsd").asInt()).isEqualTo(2100);
		assertThat(first.failure()).isNull();
	}

	@Test
	void beyondItsCapacityTheLeastRecentlyUsedIsBuiltAgain() {
		OverriddenEngines<KnowledgeBase> engines = new OverriddenEngines<>(KNOWLEDGE, this::counted, 1);

		engines.forOverrides(RAISED_MID);
		engines.forOverrides(RAISED_SENIOR);
		engines.forOverrides(RAISED_MID);

		assertThat(this.builds).hasValue(3);
	}

	@Test
	void overridesTheKnowledgeOrTheEngineRefusesAreRememberedWithWhy() {
		OverriddenEngines<KnowledgeBase> engines = new OverriddenEngines<>(KNOWLEDGE, (knowledge) -> {
			this.builds.incrementAndGet();
			throw new IllegalArgumentException("no engine for this one");
		}, 4);
		JsonNode unknownPath = JSON.readTree("{\"cost\": {\"noSuchFigure\": 1}}");

		OverriddenEngines.Built<KnowledgeBase> refused = engines.forOverrides(RAISED_MID);
		engines.forOverrides(RAISED_MID);
		OverriddenEngines.Built<KnowledgeBase> unknown = engines.forOverrides(unknownPath);

		assertThat(refused.engine()).isNull();
		assertThat(refused.failure()).isEqualTo("no engine for this one");
		assertThat(this.builds).as("a refusal is not retried").hasValue(1);
		assertThat(unknown.engine()).isNull();
		assertThat(unknown.failure()).contains("/cost/noSuchFigure");
	}

	@Test
	void aSlowBuildHoldsUpNoLookupOfOtherOverrides() throws Exception {
		CountDownLatch slowBuildStarted = new CountDownLatch(1);
		CountDownLatch releaseSlowBuild = new CountDownLatch(1);
		OverriddenEngines<KnowledgeBase> engines = new OverriddenEngines<>(KNOWLEDGE, (knowledge) -> {
			if (knowledge.tree().at("/cost/onDemand/tiers/MID/weeklyUsd").asInt() == 2100) {
				slowBuildStarted.countDown();
				await(releaseSlowBuild);
			}
			return knowledge;
		}, 4);

		CompletableFuture<OverriddenEngines.Built<KnowledgeBase>> slow = CompletableFuture
			.supplyAsync(() -> engines.forOverrides(RAISED_MID));
		assertThat(slowBuildStarted.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<OverriddenEngines.Built<KnowledgeBase>> other = CompletableFuture
			.supplyAsync(() -> engines.forOverrides(RAISED_SENIOR));

		assertThat(other.get(10, TimeUnit.SECONDS).engine()).isNotNull();
		assertThat(slow).isNotDone();
		releaseSlowBuild.countDown();
		assertThat(slow.get(10, TimeUnit.SECONDS).engine()).isNotNull();
	}

	private KnowledgeBase counted(KnowledgeBase knowledge) {
		this.builds.incrementAndGet();
		return knowledge;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
