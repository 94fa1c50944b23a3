package dev.stackplan.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a run is told, from flags; every default is here and is written into the
 * report. Rates are requests a second, durations seconds unless named otherwise.
 *
 * @param smoke the CI smoke: one low constant rate, then every accepted plan must be
 * COMPLETE
 * @param gatewayUrl the platform's public entry
 * @param nginxUrl the nginx peer, empty to skip it
 * @param fastapiUrl the FastAPI peer, empty to skip it
 * @param apiKey the client key of the plan requests
 * @param analystKey the analyst key of the replay scenario
 * @param dbUrl JDBC URL of the platform's database
 * @param dbUser database user
 * @param dbPassword database password
 * @param kafkaLogDir the broker's log directory (bytes per topic)
 * @param processes {@code name=pid,...} of the processes to measure (each with its
 * children)
 * @param infoFile a properties file of machine and version facts the script collected
 * @param resultsDir where the JSON and Markdown reports go
 * @param clockTicks the kernel's clock ticks a second ({@code getconf CLK_TCK})
 * @param sampleIntervalMs how often RSS and CPU are sampled
 * @param connections HTTP connections per target (bounded pool)
 * @param maxPending requests allowed to wait for a connection; more fail at once
 * @param ioThreads the generator's Netty event loops
 * @param requestTimeoutMs a request without an answer by then is a failure
 * @param bodies distinct plan bodies cycled through
 * @param rate the smoke's constant rate
 * @param duration the smoke's duration
 * @param completeTimeout how long the smoke waits for every accepted plan
 * @param smokeMinAccepted the share of the smoke's requests that must be accepted
 * @param warmupRate the platform's warm-up rate (full mode)
 * @param warmupSeconds the platform's warm-up (full mode), 0 for none
 * @param acceptStartRate first rate of the accept step search
 * @param acceptStepFactor each accept step multiplies the rate by this
 * @param acceptMaxRate the accept search stops here
 * @param acceptMinRate the accept search steps down to here if its first step fails
 * @param acceptRefineSteps bisection steps between the highest passing and the first
 * failing accept rate
 * @param acceptSeconds length of one accept step
 * @param minSuccess share of requests that must be accepted for a step to pass
 * @param maxP99Ms p99 (from the intended send time) a passing accept step stays under
 * @param e2eStartRate first rate of the end-to-end step search
 * @param e2eStepFactor each end-to-end step multiplies the rate by this
 * @param e2eMaxRate the end-to-end search stops here
 * @param e2eRefineSteps bisection steps between the last passing and first failing rate
 * @param windowSeconds the window in which the backlog must not grow, and the length of
 * the half-rate latency phase
 * @param backlogToleranceSeconds growth of the backlog over the window still counted as
 * flat, in seconds' worth of the offered rate (plans in flight are not a backlog)
 * @param drainTimeout how long to wait between phases for the pipeline to catch up
 * @param replayPlans past requests seeded for the replay scenario, 0 to skip the replay
 * @param soakSeconds how long the soak runs at half the sustained rate, 0 to skip it
 * @param soakFirstSampleSeconds when the soak's first memory sample is taken
 * @param seedRate the constant rate at which they are seeded; 0 for the platform's
 * highest passing accept rate (at least the first accept step's)
 * @param replayTimeout how long the replay scenario may take
 * @param pollMs how often a scenario's progress is read
 * @param note a line put at the top of the report (why this run was made, what disturbed
 * it)
 */
record BenchSettings(boolean smoke, String gatewayUrl, String nginxUrl, String fastapiUrl, String apiKey,
		String analystKey, String dbUrl, String dbUser, String dbPassword, String kafkaLogDir, String processes,
		String infoFile, String resultsDir, int clockTicks, int sampleIntervalMs, int connections, int maxPending,
		int ioThreads, int requestTimeoutMs, int bodies, int rate, int duration, int completeTimeout,
		double smokeMinAccepted, int warmupRate, int warmupSeconds, int acceptStartRate, double acceptStepFactor,
		int acceptMaxRate, int acceptMinRate, int acceptRefineSteps, int acceptSeconds, double minSuccess,
		double maxP99Ms, int e2eStartRate, double e2eStepFactor, int e2eMaxRate, int e2eRefineSteps, int windowSeconds,
		double backlogToleranceSeconds, int drainTimeout, int replayPlans, int soakSeconds, int soakFirstSampleSeconds,
		int seedRate, int replayTimeout, int pollMs, String note) {

	static BenchSettings from(Flags flags) {
		BenchSettings settings = new BenchSettings(flags.bool("smoke"),
				flags.string("gateway-url", "http://127.0.0.1:18000"), flags.string("nginx-url", ""),
				flags.string("fastapi-url", ""), flags.string("api-key", "demo-key"),
				flags.string("analyst-key", "analyst-key"),
				flags.string("db-url", "jdbc:postgresql://127.0.0.1:5432/stackplan_bench"),
				flags.string("db-user", "postgres"), flags.string("db-password", ""), flags.string("kafka-log-dir", ""),
				flags.string("processes", ""), flags.string("info-file", ""),
				flags.string("results-dir", "bench/results"), flags.integer("clock-ticks", 100),
				flags.integer("sample-interval-ms", 1000), flags.integer("connections", 256),
				flags.integer("max-pending", 20_000), flags.integer("io-threads", 2),
				flags.integer("request-timeout-ms", 10_000), flags.integer("bodies", 1000), flags.integer("rate", 50),
				flags.integer("duration", 20), flags.integer("complete-timeout", 60),
				flags.decimal("smoke-min-accepted", 0.9), flags.integer("warmup-rate", 200),
				flags.integer("warmup-seconds", 10), flags.integer("accept-start-rate", 250),
				flags.decimal("accept-step-factor", 2.0), flags.integer("accept-max-rate", 64_000),
				flags.integer("accept-min-rate", 10), flags.integer("accept-refine-steps", 1),
				flags.integer("accept-seconds", 15), flags.decimal("min-success", 0.999),
				flags.decimal("max-p99-ms", 100), flags.integer("e2e-start-rate", 50),
				flags.decimal("e2e-step-factor", 1.5), flags.integer("e2e-max-rate", 10_000),
				flags.integer("e2e-refine-steps", 1), flags.integer("window-seconds", 60),
				flags.decimal("backlog-tolerance-seconds", 0.5), flags.integer("drain-timeout", 180),
				flags.integer("replay-plans", 100_000), flags.integer("soak-seconds", 600),
				flags.integer("soak-first-sample-seconds", 60), flags.integer("seed-rate", 0),
				flags.integer("replay-timeout", 900), flags.integer("poll-ms", 500), flags.string("note", ""));
		flags.requireAllRead();
		if (settings.acceptStepFactor <= 1 || settings.e2eStepFactor <= 1) {
			throw new IllegalArgumentException("step factors must be above 1");
		}
		return settings;
	}

	/** The same settings with the database password masked, for the report. */
	BenchSettings redacted() {
		return new BenchSettings(this.smoke, this.gatewayUrl, this.nginxUrl, this.fastapiUrl, this.apiKey,
				this.analystKey, this.dbUrl, this.dbUser, this.dbPassword.isEmpty() ? "" : "***", this.kafkaLogDir,
				this.processes, this.infoFile, this.resultsDir, this.clockTicks, this.sampleIntervalMs,
				this.connections, this.maxPending, this.ioThreads, this.requestTimeoutMs, this.bodies, this.rate,
				this.duration, this.completeTimeout, this.smokeMinAccepted, this.warmupRate, this.warmupSeconds,
				this.acceptStartRate, this.acceptStepFactor, this.acceptMaxRate, this.acceptMinRate,
				this.acceptRefineSteps, this.acceptSeconds, this.minSuccess, this.maxP99Ms, this.e2eStartRate,
				this.e2eStepFactor, this.e2eMaxRate, this.e2eRefineSteps, this.windowSeconds,
				this.backlogToleranceSeconds, this.drainTimeout, this.replayPlans, this.soakSeconds,
				this.soakFirstSampleSeconds, this.seedRate, this.replayTimeout, this.pollMs, this.note);
	}

	/** The processes to measure by name, in the order given. */
	Map<String, Long> processPids() {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (String entry : this.processes.split(",")) {
			if (!entry.isBlank()) {
				String[] parts = entry.split("=", 2);
				pids.put(parts[0].strip(), Long.parseLong(parts[1].strip()));
			}
		}
		return pids;
	}

	Path results() {
		return Path.of(this.resultsDir);
	}

}
