package dev.stackplan.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.stackplan.bench.BenchResult.AcceptSummary;
import dev.stackplan.bench.BenchResult.BacklogSample;
import dev.stackplan.bench.BenchResult.EndToEnd;
import dev.stackplan.bench.BenchResult.EndToEndStep;
import dev.stackplan.bench.BenchResult.HalfRate;
import dev.stackplan.bench.BenchResult.Ratios;
import dev.stackplan.bench.BenchResult.Replay;
import dev.stackplan.bench.BenchResult.SmokeCheck;
import dev.stackplan.bench.BenchResult.Soak;
import dev.stackplan.bench.KafkaLogSizes.TopicSize;
import dev.stackplan.bench.OpenLoopLoad.Target;
import dev.stackplan.bench.OpenLoopLoad.TrackedPlan;
import dev.stackplan.bench.PlanDatabase.PlanRow;
import dev.stackplan.bench.PlanDatabase.StatusCounts;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * The platform benchmark's measuring half; {@code deploy/bench/platform.sh} starts the
 * processes and calls it. Commands: {@code prepare-db --admin-url --user --password
 * --name} (drops and creates the benchmark database) and {@code run [flags]} (see
 * {@link BenchSettings}). {@code run --smoke} exits 1 unless every accepted plan ended
 * COMPLETE.
 */
public final class PlatformBench {

	private static final int PLATFORM_ACCEPTED = 202;

	private static final int PEER_ACCEPTED = 202;

	private static final String PLANS_PATH = "/api/v1/plans";

	private static final Duration BACKLOG_SAMPLE = Duration.ofSeconds(1);

	private final BenchSettings settings;

	private final PlanDatabase database;

	private final ProcessMonitor monitor;

	private final PlanBodies bodies;

	private PlatformBench(BenchSettings settings, PlanDatabase database, ProcessMonitor monitor) {
		this.settings = settings;
		this.database = database;
		this.monitor = monitor;
		this.bodies = PlanBodies.varied(settings.bodies());
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			throw new IllegalArgumentException("usage: prepare-db [flags] | run [flags]");
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args[0]) {
			case "prepare-db" -> prepareDatabase(new Flags(rest));
			case "run" -> System.exit(run(BenchSettings.from(new Flags(rest))));
			case "load" -> load(new Flags(rest));
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		}
	}

	/**
	 * One constant-rate phase against any URL, without database or report: {@code load
	 * --url http://127.0.0.1:18080 [--path /api/v1/plans] [--expected-status 202] --rate
	 * 200 --duration 5}, plus the client flags of {@link BenchSettings}. For checking a
	 * target or the generator alone.
	 */
	private static void load(Flags flags) {
		String url = flags.string("url", "http://127.0.0.1:18000");
		String path = flags.string("path", PLANS_PATH);
		int expected = flags.integer("expected-status", PLATFORM_ACCEPTED);
		BenchSettings settings = BenchSettings.from(flags);
		LoopResources loops = LoopResources.create("bench-io", settings.ioThreads(), true);
		try (OpenLoopLoad load = new OpenLoopLoad(new Target("target", url, path, settings.apiKey(), expected),
				settings, loops)) {
			say(describe(load.run("load", settings.rate(), settings.duration(), PlanBodies.varied(settings.bodies()))));
		}
		finally {
			loops.disposeLater().block(Duration.ofSeconds(10));
		}
	}

	private static void prepareDatabase(Flags flags) throws SQLException {
		String url = flags.string("admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
		String name = flags.string("name", "stackplan_bench");
		String user = flags.string("user", "postgres");
		String password = flags.string("password", "");
		flags.requireAllRead();
		PlanDatabase.recreate(url, user, password, name);
		say("database " + name + " recreated");
	}

	private static int run(BenchSettings settings) throws Exception {
		Instant started = Instant.now();
		LoopResources loops = LoopResources.create("bench-io", settings.ioThreads(), true);
		try (PlanDatabase database = new PlanDatabase(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
				ProcessMonitor monitor = new ProcessMonitor(settings.processPids(), settings.clockTicks(),
						settings.sampleIntervalMs());
				OpenLoopLoad platform = new OpenLoopLoad(
						new Target("platform", settings.gatewayUrl(), PLANS_PATH, settings.apiKey(), PLATFORM_ACCEPTED),
						settings, loops)) {
			PlatformBench bench = new PlatformBench(settings, database, monitor);
			Map<String, String> machine = bench.machine(database);
			BenchResult result = settings.smoke() ? bench.smoke(started, machine, platform)
					: bench.full(started, machine, platform, loops);
			BenchReport.write(result, settings.results());
			return (result.smoke() != null && !result.smoke().passed()) ? 1 : 0;
		}
		finally {
			loops.disposeLater().block(Duration.ofSeconds(10));
		}
	}

	private BenchResult smoke(Instant started, Map<String, String> machine, OpenLoopLoad platform)
			throws SQLException, InterruptedException {
		List<LoadResult> warmups = new ArrayList<>();
		if (this.settings.warmupSeconds() > 0) {
			// freshly started JVMs answer the first plans slowly; the smoke checks the
			// pipeline, not its start-up
			say("warm-up: " + this.settings.warmupRate() + "/s for " + this.settings.warmupSeconds() + " s");
			OpenLoopLoad.Running running = platform.start("warmup", this.settings.warmupRate(),
					this.settings.warmupSeconds(), this.bodies, false);
			LoadResult warmup = running.await();
			warmups.add(warmup);
			drain(running.startedAt(), warmup.accepted());
		}
		say("smoke: " + this.settings.rate() + " plans/s for " + this.settings.duration() + " s");
		Map<String, Long> cpu = this.monitor.ticks();
		OpenLoopLoad.Running running = platform.start("smoke", this.settings.rate(), this.settings.duration(),
				this.bodies, true);
		LoadResult load = running.await().withCpu(this.monitor.cpuSince(cpu));
		say(describe(load));
		List<TrackedPlan> tracked = running.tracked();
		long waitStart = System.nanoTime();
		// PARTIAL is not final: a plan whose late half arrives turns COMPLETE, so wait
		// for COMPLETE
		Map<String, PlanRow> rows = awaitEnded(tracked, Duration.ofSeconds(this.settings.completeTimeout()), true);
		double waited = seconds(System.nanoTime() - waitStart);
		long complete = count(rows, "COMPLETE");
		long partial = count(rows, "PARTIAL");
		long failed = count(rows, "FAILED");
		long pending = count(rows, "PENDING");
		long missing = tracked.size() - rows.size();
		List<String> failures = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		// a timeout or a 503 (retry later) under a busy machine promises nothing and
		// breaks no promise; any
		// other refusal means the harness or the contract rotted (invalid body, wrong
		// key, a server error)
		load.outcomes().forEach((outcome, times) -> {
			if (outcome.equals(Integer.toString(PLATFORM_ACCEPTED))) {
				return;
			}
			boolean allowed = outcome.equals("timeout") || outcome.equals("503");
			(allowed ? warnings : failures).add(times + " requests answered " + outcome);
		});
		if (load.successRatio() < this.settings.smokeMinAccepted()) {
			failures.add("only " + load.accepted() + " of " + load.scheduled() + " requests were accepted (at least "
					+ this.settings.smokeMinAccepted() + " needed)");
		}
		if (tracked.size() < load.accepted()) {
			failures.add((load.accepted() - tracked.size()) + " accepted answers carried no planId");
		}
		if (partial > 0) {
			failures.add(partial + " accepted plans ended PARTIAL");
		}
		if (failed > 0) {
			failures.add(failed + " accepted plans ended FAILED");
		}
		if (pending > 0) {
			failures
				.add(pending + " accepted plans were still PENDING after " + this.settings.completeTimeout() + " s");
		}
		if (missing > 0) {
			failures.add(missing + " accepted plans are missing from gateway.plans");
		}
		long partialOnTheWay = rows.values()
			.stream()
			.filter((row) -> "COMPLETE".equals(row.status()) && row.problem())
			.count();
		SmokeCheck check = new SmokeCheck(load, tracked.size(), complete, partial, failed, pending, missing,
				partialOnTheWay, waited, postToComplete(tracked, rows), failures.isEmpty(), failures, warnings);
		say(check.passed()
				? "smoke passed: all " + complete + " accepted plans COMPLETE (waited " + Math.round(waited) + " s)"
				: "SMOKE FAILED: " + String.join("; ", failures));
		return new BenchResult("smoke", started.toString(), Instant.now().toString(), machine, this.settings.redacted(),
				this.bodies.example(), warmups, List.of(), List.of(), null, null, null, null, null, check,
				topicSizes(0), this.database.tableSizes(), this.monitor.usage(),
				this.settings.note().isBlank()
						? List.of("Smoke run: a correctness check of the harness and the pipeline, not a measurement.")
						: List.of(this.settings.note(),
								"Smoke run: a correctness check of the harness and the pipeline, not a measurement."));
	}

	private BenchResult full(Instant started, Map<String, String> machine, OpenLoopLoad platform, LoopResources loops)
			throws Exception {
		List<OpenLoopLoad> peers = new ArrayList<>();
		try {
			if (!this.settings.nginxUrl().isBlank()) {
				peers.add(new OpenLoopLoad(new Target("nginx", this.settings.nginxUrl(), PLANS_PATH,
						this.settings.apiKey(), PEER_ACCEPTED), this.settings, loops));
			}
			if (!this.settings.fastapiUrl().isBlank()) {
				peers.add(new OpenLoopLoad(new Target("fastapi", this.settings.fastapiUrl(), PLANS_PATH,
						this.settings.apiKey(), PEER_ACCEPTED), this.settings, loops));
			}
			// every target, and the generator's own code paths and connections, warm up
			// unmeasured first: the
			// first seconds of a fresh JVM or pool are slow and would be charged to the
			// first step
			List<LoadResult> warmups = new ArrayList<>();
			if (this.settings.warmupSeconds() > 0) {
				for (OpenLoopLoad target : concat(peers, platform)) {
					say("warm-up " + target.target().name() + ": " + this.settings.warmupRate() + "/s for "
							+ this.settings.warmupSeconds() + " s");
					OpenLoopLoad.Running running = target.start("warmup", this.settings.warmupRate(),
							this.settings.warmupSeconds(), this.bodies, false);
					LoadResult warmup = running.await();
					warmups.add(warmup);
					if (target == platform) {
						drain(running.startedAt(), warmup.accepted());
					}
				}
			}
			// peers first: the platform's accept steps leave a backlog that would load
			// the machine under them
			List<LoadResult> accept = new ArrayList<>();
			List<AcceptSummary> summaries = new ArrayList<>();
			for (OpenLoopLoad peer : peers) {
				summaries.add(acceptSearch(peer, accept, false));
			}
			summaries.add(acceptSearch(platform, accept, true));
			Ratios ratios = ratios(summaries, accept, this.settings.minSuccess(), this.settings.maxP99Ms());

			EndToEnd endToEnd = endToEndSearch(platform);
			HalfRate halfRate = (endToEnd.sustainedRate() > 0) ? halfRate(platform, endToEnd.sustainedRate()) : null;
			Soak soak = (endToEnd.sustainedRate() > 0 && this.settings.soakSeconds() > 0)
					? soak(platform, Math.max(1, endToEnd.sustainedRate() / 2)) : null;
			AcceptSummary platformAccept = find(summaries, "platform");
			int seedRate = (this.settings.seedRate() > 0) ? this.settings.seedRate()
					: Math.max(this.settings.acceptStartRate(),
							(platformAccept != null) ? platformAccept.highestPassingRate() : 0);
			Replay replay = (this.settings.replayPlans() > 0) ? replay(platform, seedRate) : null;
			int replayed = (replay != null) ? replay.processed() : 0;
			List<String> notes = new ArrayList<>();
			if (!this.settings.note().isBlank()) {
				notes.add(this.settings.note());
			}
			notes.addAll(List.of(
					"Open loop: every request has an intended send time at the constant rate; latency is from that time.",
					"Accept latency: POST until the 202, which the platform sends after the broker acknowledged plan.requested.",
					"Sustained end to end: the backlog (accepted - COMPLETE in gateway.plans) must not grow by more than "
							+ this.settings.backlogToleranceSeconds()
							+ " s of the offered rate between a quarter of the " + this.settings.windowSeconds()
							+ " s window and its end.",
					"Topic bytes are the *.log record files of the partition directories (index files are preallocated).",
					"The load generator runs on the same cores as everything it measures; its CPU is in the process table.",
					"postgres-shared is the machine's server: its CPU includes every database on it, and its tree RSS "
							+ "counts the shared buffers once per backend.",
					"Max send lag is how late the generator's scheduling thread was; beyond a few ms the generator itself was "
							+ "starved of CPU, and the step measures the machine rather than the target."));
			return new BenchResult("full", started.toString(), Instant.now().toString(), machine,
					this.settings.redacted(), this.bodies.example(), warmups, accept, summaries, ratios, endToEnd,
					halfRate, soak, replay, null, topicSizes(replayed), this.database.tableSizes(),
					this.monitor.usage(), notes);
		}
		finally {
			peers.forEach(OpenLoopLoad::close);
		}
	}

	/**
	 * Up from the start rate by the step factor until a step fails; down by the same
	 * factor if the very first one failed (to the minimum rate); then bisection steps
	 * between the highest passing and the first failing rate.
	 */
	private AcceptSummary acceptSearch(OpenLoopLoad load, List<LoadResult> all, boolean platform)
			throws SQLException, InterruptedException {
		double factor = this.settings.acceptStepFactor();
		RateBracket bracket = new RateBracket();
		for (int rate = this.settings.acceptStartRate(); rate <= this.settings.acceptMaxRate(); rate = next(rate,
				factor)) {
			if (!bracket.record(rate, acceptStep(load, rate, all, platform))) {
				break;
			}
		}
		for (int rate = (int) (bracket.failing / factor); bracket.highest == 0 && bracket.failing > 0
				&& rate >= this.settings.acceptMinRate(); rate = (int) (rate / factor)) {
			bracket.record(rate, acceptStep(load, rate, all, platform));
		}
		for (int i = 0; i < this.settings.acceptRefineSteps() && bracket.highest > 0
				&& bracket.failing - bracket.highest > 1; i++) {
			int rate = (bracket.highest + bracket.failing) / 2;
			bracket.record(rate, acceptStep(load, rate, all, platform));
		}
		return new AcceptSummary(load.target().name(), bracket.highest, bracket.failing, bracket.acceptedAtHighest);
	}

	/** The highest passing and the lowest failing accept rate the search has met. */
	private final class RateBracket {

		int highest;

		int failing;

		double acceptedAtHighest;

		/** Records a step at this rate; true when it passed. */
		boolean record(int rate, LoadResult result) {
			boolean passes = result.passes(PlatformBench.this.settings.minSuccess(),
					PlatformBench.this.settings.maxP99Ms());
			if (passes) {
				this.highest = rate;
				this.acceptedAtHighest = result.acceptedPerSecond();
			}
			else {
				this.failing = rate;
			}
			return passes;
		}

	}

	private LoadResult acceptStep(OpenLoopLoad load, int rate, List<LoadResult> all, boolean platform)
			throws SQLException, InterruptedException {
		Map<String, Long> cpu = this.monitor.ticks();
		OpenLoopLoad.Running running = load.start("accept", rate, this.settings.acceptSeconds(), this.bodies, false);
		LoadResult result = running.await().withCpu(this.monitor.cpuSince(cpu));
		all.add(result);
		say(describe(result));
		if (platform) {
			// the next step should not pay for this one's backlog
			drain(running.startedAt(), result.accepted());
		}
		return result;
	}

	private static boolean ranByPeer(List<LoadResult> accept, int rate) {
		return accept.stream().anyMatch((step) -> !step.target().equals("platform") && step.rate() == rate);
	}

	private static @Nullable Ratios ratios(List<AcceptSummary> summaries, List<LoadResult> accept, double minSuccess,
			double maxP99Ms) {
		AcceptSummary platform = find(summaries, "platform");
		if (platform == null) {
			return null;
		}
		// latency is compared at a rate both ran: the platform's highest passing one that
		// a peer also ran, else
		// the platform's lowest that a peer ran (bisected and stepped-down rates are the
		// platform's alone)
		List<LoadResult> platformSteps = accept.stream()
			.filter((step) -> step.target().equals("platform") && ranByPeer(accept, step.rate()))
			.sorted(Comparator.comparingInt(LoadResult::rate))
			.toList();
		int at = platformSteps.stream()
			.filter((step) -> step.passes(minSuccess, maxP99Ms))
			.mapToInt(LoadResult::rate)
			.max()
			.orElse(platformSteps.isEmpty() ? 0 : platformSteps.get(0).rate());
		LoadResult platformAt = step(accept, "platform", at);
		LoadResult fastapiAt = step(accept, "fastapi", at);
		LoadResult nginxAt = step(accept, "nginx", at);
		return new Ratios(rateRatio(platform, find(summaries, "fastapi")),
				rateRatio(platform, find(summaries, "nginx")), at, latencyRatio(platformAt, fastapiAt, true),
				latencyRatio(platformAt, nginxAt, true), latencyRatio(platformAt, fastapiAt, false),
				latencyRatio(platformAt, nginxAt, false));
	}

	private static @Nullable AcceptSummary find(List<AcceptSummary> summaries, String target) {
		return summaries.stream().filter((summary) -> summary.target().equals(target)).findFirst().orElse(null);
	}

	private static @Nullable LoadResult step(List<LoadResult> steps, String target, int rate) {
		return steps.stream()
			.filter((step) -> step.target().equals(target) && step.rate() == rate)
			.findFirst()
			.orElse(null);
	}

	private static @Nullable Double rateRatio(AcceptSummary platform, @Nullable AcceptSummary peer) {
		return (peer == null || peer.highestPassingRate() == 0) ? null
				: round((double) platform.highestPassingRate() / peer.highestPassingRate());
	}

	private static @Nullable Double latencyRatio(@Nullable LoadResult platform, @Nullable LoadResult peer,
			boolean p99) {
		if (platform == null || peer == null) {
			return null;
		}
		double peerValue = p99 ? peer.accept().p99() : peer.accept().p50();
		double platformValue = p99 ? platform.accept().p99() : platform.accept().p50();
		return (peerValue == 0) ? null : round(platformValue / peerValue);
	}

	private EndToEnd endToEndSearch(OpenLoopLoad platform) throws SQLException, InterruptedException {
		List<EndToEndStep> steps = new ArrayList<>();
		int lastPass = 0;
		int firstFail = 0;
		for (int rate = this.settings.e2eStartRate(); rate <= this.settings.e2eMaxRate(); rate = next(rate,
				this.settings.e2eStepFactor())) {
			EndToEndStep step = endToEndStep(platform, rate);
			steps.add(step);
			if (!step.passed()) {
				firstFail = rate;
				break;
			}
			lastPass = rate;
		}
		for (int i = 0; i < this.settings.e2eRefineSteps() && firstFail > 0 && firstFail - lastPass > 1; i++) {
			int rate = (lastPass + firstFail) / 2;
			EndToEndStep step = endToEndStep(platform, rate);
			steps.add(step);
			if (step.passed()) {
				lastPass = rate;
			}
			else {
				firstFail = rate;
			}
		}
		say("sustained end to end: " + lastPass + " plans/s");
		return new EndToEnd(lastPass, this.settings.windowSeconds(), steps);
	}

	private EndToEndStep endToEndStep(OpenLoopLoad platform, int rate) throws SQLException, InterruptedException {
		int window = this.settings.windowSeconds();
		Map<String, Long> cpu = this.monitor.ticks();
		OpenLoopLoad.Running running = platform.start("end-to-end", rate, window, this.bodies, false);
		Instant since = running.startedAt();
		List<BacklogSample> samples = new ArrayList<>();
		long startNanos = System.nanoTime();
		long windowNanos = TimeUnit.SECONDS.toNanos(window);
		while (System.nanoTime() - startNanos < windowNanos) {
			Thread.sleep(BACKLOG_SAMPLE.toMillis());
			long accepted = running.acceptedSoFar();
			long complete = this.database.statusSince(since).complete();
			samples.add(new BacklogSample(round(seconds(System.nanoTime() - startNanos)), accepted, complete,
					accepted - complete));
		}
		LoadResult load = running.await().withCpu(this.monitor.cpuSince(cpu));
		BacklogSample quarter = samples.stream()
			.filter((sample) -> sample.second() >= window / 4.0)
			.findFirst()
			.orElse(samples.get(0));
		BacklogSample end = samples.get(samples.size() - 1);
		long growth = end.backlog() - quarter.backlog();
		long allowed = Math.round(rate * this.settings.backlogToleranceSeconds());
		boolean passed = growth <= allowed && load.successRatio() >= this.settings.minSuccess();
		long drainStart = System.nanoTime();
		StatusCounts after = drain(since, load.accepted());
		double drained = seconds(System.nanoTime() - drainStart);
		say("end-to-end " + rate + "/s: backlog " + quarter.backlog() + " -> " + end.backlog() + " (allowed +" + allowed
				+ "), accepted " + load.accepted() + "/" + load.scheduled() + ", " + (passed ? "flat" : "GROWS")
				+ ", drained in " + Math.round(drained) + " s");
		return new EndToEndStep(rate, load, quarter.backlog(), end.backlog(), growth, allowed, passed, after.partial(),
				drained, load.accepted() - after.complete(), samples);
	}

	private HalfRate halfRate(OpenLoopLoad platform, int sustained) throws SQLException, InterruptedException {
		int rate = Math.max(1, sustained / 2);
		say("POST -> COMPLETE at half the sustained rate: " + rate + "/s for " + this.settings.windowSeconds() + " s");
		Map<String, Long> cpu = this.monitor.ticks();
		OpenLoopLoad.Running running = platform.start("half-rate", rate, this.settings.windowSeconds(), this.bodies,
				true);
		LoadResult load = running.await().withCpu(this.monitor.cpuSince(cpu));
		List<TrackedPlan> tracked = running.tracked();
		Map<String, PlanRow> rows = awaitEnded(tracked, Duration.ofSeconds(this.settings.drainTimeout()), false);
		Percentiles observed = postToComplete(tracked, rows);
		Histogram stored = new Histogram(3);
		rows.values()
			.stream()
			.filter((row) -> "COMPLETE".equals(row.status()) && row.requestedAt() != null && row.assembledAt() != null)
			.forEach((row) -> stored
				.recordValue(Math.max(0, ChronoUnit.MICROS.between(row.requestedAt(), row.assembledAt()))));
		HalfRate half = new HalfRate(rate, load, observed, Percentiles.ofMicros(stored), count(rows, "COMPLETE"),
				count(rows, "PARTIAL"), count(rows, "PENDING"), tracked.size() - rows.size(),
				"postToComplete: intended send time (generator) to assembled_at (database) per accepted plan id; "
						+ "requestedToAssembled: assembled_at - requested_at of the same rows");
		say("POST -> COMPLETE p50 " + observed.p50() + " ms, p99 " + observed.p99() + " ms, max " + observed.max()
				+ " ms; " + half.complete() + " COMPLETE, " + half.partial() + " PARTIAL");
		return half;
	}

	/**
	 * Memory after a long steady run against memory after its first minute: a leak or an
	 * unbounded queue shows as growth between the two samples.
	 */
	private Soak soak(OpenLoopLoad platform, int rate) throws SQLException, InterruptedException {
		int seconds = this.settings.soakSeconds();
		int first = Math.min(this.settings.soakFirstSampleSeconds(), seconds);
		say("soak: " + rate + "/s for " + seconds + " s, memory sampled at " + first + " s and at the end");
		Map<String, Long> cpu = this.monitor.ticks();
		OpenLoopLoad.Running running = platform.start("soak", rate, seconds, this.bodies, true);
		Thread.sleep(Duration.ofSeconds(first).toMillis());
		Map<String, Double> atFirst = this.monitor.rssNow();
		LoadResult load = running.await().withCpu(this.monitor.cpuSince(cpu));
		Map<String, Double> atEnd = this.monitor.rssNow();
		List<TrackedPlan> tracked = running.tracked();
		Map<String, PlanRow> rows = awaitEnded(tracked, Duration.ofSeconds(this.settings.drainTimeout()), false);
		long complete = count(rows, "COMPLETE");
		Soak soak = new Soak(rate, seconds, load, first, atFirst, atEnd, complete, count(rows, "PARTIAL"),
				tracked.size() - complete, postToComplete(tracked, rows));
		say("soak: RSS at " + first + " s " + atFirst + ", at the end " + atEnd + "; " + complete + " COMPLETE, "
				+ soak.partial() + " PARTIAL");
		return soak;
	}

	private Replay replay(OpenLoopLoad platform, int rate) throws Exception {
		int seconds = (int) Math.ceil((double) this.settings.replayPlans() / rate);
		say("replay: seeding " + (long) rate * seconds + " past requests at " + rate + "/s");
		Map<String, Long> cpu = this.monitor.ticks();
		OpenLoopLoad.Running running = platform.start("seed", rate, seconds, this.bodies, false);
		LoadResult seed = running.await().withCpu(this.monitor.cpuSince(cpu));
		say(describe(seed));
		Instant from = running.startedAt();
		Instant to = Instant.now().plusSeconds(1);
		// requests the generator gave up on may still have been accepted: the database
		// knows the backlog
		long backlog = drain(from, seed.accepted()).pending();
		ScenarioClient scenarios = new ScenarioClient(this.settings.gatewayUrl(), this.settings.analystKey());
		UUID scenarioId = scenarios.createZeroOverride("bench replay", from, to);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.settings.replayTimeout());
		JsonNode view = scenarios.read(scenarioId);
		while (!isFinal(view.path("status").asString()) && System.nanoTime() < deadline) {
			Thread.sleep(this.settings.pollMs());
			view = scenarios.read(scenarioId);
		}
		PlanDatabase.ScenarioRow row = this.database.scenario(scenarioId);
		if (row == null) {
			throw new IllegalStateException("scenario " + scenarioId + " has no row");
		}
		double sinceCreated = perSecond(row.processed(), row.createdAt(), row.finishedAt());
		double sinceStarted = perSecond(row.processed(), row.startedAt(), row.finishedAt());
		JsonNode apiRate = view.path("progress").path("ratePerSecond");
		Replay replay = new Replay(seed, scenarioId.toString(), row.status(), row.total(), row.processed(),
				string(row.createdAt()), string(row.startedAt()), string(row.finishedAt()), sinceCreated, sinceStarted,
				apiRate.isNumber() ? apiRate.asDouble() : null, backlog, row.failure());
		say("replay " + row.status() + ": " + row.processed() + "/" + row.total() + " plans, " + sinceCreated
				+ "/s since created, " + sinceStarted + "/s since started");
		return replay;
	}

	private static List<OpenLoopLoad> concat(List<OpenLoopLoad> peers, OpenLoopLoad platform) {
		List<OpenLoopLoad> all = new ArrayList<>(peers);
		all.add(platform);
		return all;
	}

	private static boolean isFinal(String status) {
		return "COMPLETE".equals(status) || "FAILED".equals(status);
	}

	private static double perSecond(long count, @Nullable Instant from, @Nullable Instant to) {
		if (from == null || to == null || !to.isAfter(from)) {
			return 0;
		}
		return round(count * 1_000_000.0 / ChronoUnit.MICROS.between(from, to));
	}

	/** Waits, bounded, until the plans accepted since {@code since} have ended. */
	private StatusCounts drain(Instant since, long accepted) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.settings.drainTimeout());
		StatusCounts counts = this.database.statusSince(since);
		while (counts.ended() < accepted && System.nanoTime() < deadline) {
			Thread.sleep(this.settings.pollMs());
			counts = this.database.statusSince(since);
		}
		if (counts.ended() < accepted) {
			say("drain: " + (accepted - counts.ended()) + " plans still not ended after " + this.settings.drainTimeout()
					+ " s; going on");
		}
		return counts;
	}

	/**
	 * Waits, bounded, until every tracked plan has a row that is no longer PENDING (or,
	 * with {@code untilComplete}, is COMPLETE or FAILED).
	 */
	private Map<String, PlanRow> awaitEnded(List<TrackedPlan> tracked, Duration timeout, boolean untilComplete)
			throws SQLException, InterruptedException {
		List<String> ids = tracked.stream().map(TrackedPlan::planId).toList();
		long deadline = System.nanoTime() + timeout.toNanos();
		Map<String, PlanRow> rows = this.database.plans(ids);
		while (System.nanoTime() < deadline && (rows.size() < ids.size() || count(rows, "PENDING") > 0
				|| (untilComplete && count(rows, "PARTIAL") > 0))) {
			Thread.sleep(this.settings.pollMs());
			rows = this.database.plans(ids);
		}
		return rows;
	}

	private static Percentiles postToComplete(List<TrackedPlan> tracked, Map<String, PlanRow> rows) {
		Histogram histogram = new Histogram(3);
		for (TrackedPlan plan : tracked) {
			PlanRow row = rows.get(plan.planId());
			if (row != null && "COMPLETE".equals(row.status()) && row.assembledAt() != null) {
				histogram.recordValue(Math.max(0, ChronoUnit.MICROS.between(plan.intended(), row.assembledAt())));
			}
		}
		return Percentiles.ofMicros(histogram);
	}

	private List<TopicSize> topicSizes(int replayed) throws SQLException {
		long plans = this.database.planCount();
		List<TopicSize> sizes = new ArrayList<>();
		if (this.settings.kafkaLogDir().isBlank()) {
			return sizes;
		}
		KafkaLogSizes.measure(Path.of(this.settings.kafkaLogDir())).forEach((topic, size) -> {
			boolean scenario = topic.startsWith("scenario.");
			long of = scenario ? replayed : plans;
			sizes.add(
					new TopicSize(topic, (int) size[0], size[1], (of == 0) ? 0 : Math.round(size[1] * 10.0 / of) / 10.0,
							scenario ? "replayed plans (" + of + ")" : "plans in gateway.plans (" + of + ")"));
		});
		return sizes;
	}

	private Map<String, String> machine(PlanDatabase database) throws IOException, SQLException {
		Map<String, String> machine = new LinkedHashMap<>();
		if (!this.settings.infoFile().isBlank()) {
			Properties info = new Properties();
			try (Reader reader = Files.newBufferedReader(Path.of(this.settings.infoFile()))) {
				info.load(reader);
			}
			info.stringPropertyNames().stream().sorted().forEach((name) -> machine.put(name, info.getProperty(name)));
		}
		machine.put("generator.java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("generator.cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
		machine.put("postgres.server", database.version());
		return machine;
	}

	private static long count(Map<String, PlanRow> rows, String status) {
		return rows.values().stream().filter((row) -> status.equals(row.status())).count();
	}

	private static int next(int rate, double factor) {
		return Math.max(rate + 1, (int) Math.round(rate * factor));
	}

	private static String describe(LoadResult result) {
		return String.format(
				"%-8s %-10s %6d/s x %3d s: accepted %7d/%-7d (%.4f), p50 %8.2f p90 %8.2f p99 %8.2f "
						+ "p99.9 %8.2f max %8.2f ms%s",
				result.target(), result.phase(), result.rate(), result.seconds(), result.accepted(), result.scheduled(),
				result.successRatio(), result.accept().p50(), result.accept().p90(), result.accept().p99(),
				result.accept().p999(), result.accept().max(),
				(result.accepted() < result.scheduled()) ? " " + result.outcomes() : "")
				+ String.format(", send lag max %.1f ms", result.maxSendLagMs());
	}

	private static @Nullable String string(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	static void say(String message) {
		System.out.println("[bench] " + message);
	}

}
