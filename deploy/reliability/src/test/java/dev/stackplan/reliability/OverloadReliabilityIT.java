package dev.stackplan.reliability;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.stackplan.reliability.PlanTraffic.Answer;
import dev.stackplan.reliability.PlatformProcesses.Service;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show (5): four times the sustainable rate. The platform sheds what it cannot take
 * (503 or 429), accepts the rest, turns none PARTIAL (nothing failed: waiting is not
 * failing) and stays within its memory.
 */
@ExtendWith(SharedPlatform.class)
class OverloadReliabilityIT {

	/**
	 * The rate the crash scenario shows the pipeline keeping up with on this 2-core
	 * machine, services dying meanwhile.
	 */
	private static final int SUSTAINABLE_RATE = ServiceCrashReliabilityIT.STEADY_RATE;

	private static final int OVERLOAD_FACTOR = 4;

	private static final Duration OVERLOAD = Duration.ofSeconds(20);

	private static final Set<Integer> SHED_OR_ACCEPTED = Set.of(202, 429, 503);

	/**
	 * Resident memory of a service JVM: the 384 MiB heap plus metaspace, code cache,
	 * thread stacks and Netty's direct buffers. More means memory grows with the backlog.
	 */
	private static final long MAX_SERVICE_RSS_BYTES = 768L * 1024 * 1024;

	private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);

	private static final Duration DRAIN = Duration.ofMinutes(3);

	@BeforeEach
	void wholePlatform() {
		SharedPlatform.platform().ensureRunning();
	}

	@Test
	void fourTimesTheSustainableRateIsShedNotQueuedIntoFalsePartialsAndMemoryStaysBounded() {
		PlatformProcesses platform = SharedPlatform.platform();
		int rate = SUSTAINABLE_RATE * OVERLOAD_FACTOR;
		Map<Service, Long> maxRss = new EnumMap<>(Service.class);
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				for (Service service : Service.values()) {
					maxRss.merge(service, OsProcesses.residentBytes(platform.pid(service)), Math::max);
				}
				OsProcesses.sleep(SAMPLE_EVERY);
			}
		}, "rss-sampler");
		List<Answer> answers;
		sampler.start();
		try (PlanTraffic traffic = new PlanTraffic(platform.gatewayUrl(), SharedPlatform.DEMO_KEY)) {
			PlanTraffic.Run load = traffic.start("overload", rate);
			OsProcesses.sleep(OVERLOAD);
			answers = load.stop();
			PlanLedger ledger = new PlanLedger(platform.jdbcUrl());
			Tally tally = Tally.of(OVERLOAD_FACTOR + "x overload (" + rate + "/s for " + OVERLOAD.toSeconds() + " s)",
					answers, List.of(), ledger, DRAIN);
			ReliabilityReport.record(tally);
			sampling.set(false);
			ReliabilityReport.note("overload", "largest resident memory (VmRSS) per service during the overload and"
					+ " the drain: " + mebibytes(maxRss) + "; bound " + MAX_SERVICE_RSS_BYTES / (1024 * 1024) + " MiB");

			assertThat(answers.stream().filter((answer) -> !SHED_OR_ACCEPTED.contains(answer.status())).toList())
				.as("answers other than 202, 429 and 503")
				.isEmpty();
			assertThat(tally.lostPlans().values()).as("accepted plans PARTIAL though nothing failed")
				.doesNotContain(PlanLedger.PARTIAL);
			assertThat(tally.lost()).as("accepted plans not COMPLETE: %s", tally.lostExamples()).isZero();
			assertThat(tally.accepted()).as("plans accepted under overload").isPositive();
			assertThat(maxRss).allSatisfy((service, rss) -> assertThat(rss).as("%s VmRSS", service)
				.isPositive()
				.isLessThanOrEqualTo(MAX_SERVICE_RSS_BYTES));
		}
		finally {
			sampling.set(false);
		}
	}

	private static String mebibytes(Map<Service, Long> bytes) {
		StringBuilder text = new StringBuilder();
		bytes.forEach((service, rss) -> text.append(text.isEmpty() ? "" : ", ")
			.append(service.artifact())
			.append(' ')
			.append(rss / (1024 * 1024))
			.append(" MiB"));
		return text.toString();
	}

}
