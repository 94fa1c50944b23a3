package dev.stackplan.bench;

import java.util.Map;

/**
 * One constant-rate phase against one target.
 *
 * @param target what was loaded (platform, fastapi, nginx)
 * @param phase why (warmup, accept, e2e, half-rate, seed, smoke)
 * @param rate the offered (intended) rate
 * @param seconds its duration
 * @param scheduled requests in the schedule (rate x seconds)
 * @param sent requests actually handed to the client
 * @param accepted answers with the expected status (202)
 * @param successRatio accepted / scheduled
 * @param acceptedPerSecond accepted / seconds
 * @param outcomes count by status code or failure kind
 * @param accept latency of the accepted requests, from their intended send time
 * @param all latency of every request that ended, failures included (a timeout counts the
 * time until it was given up)
 * @param maxSendLagMs the generator's worst delay behind its schedule (it is inside the
 * latencies above; reported to show whether the generator kept up)
 * @param cpuSeconds CPU seconds each measured process used during the phase
 */
record LoadResult(String target, String phase, int rate, int seconds, long scheduled, long sent, long accepted,
		double successRatio, double acceptedPerSecond, Map<String, Long> outcomes, Percentiles accept, Percentiles all,
		double maxSendLagMs, Map<String, Double> cpuSeconds) {

	LoadResult withCpu(Map<String, Double> cpu) {
		return new LoadResult(this.target, this.phase, this.rate, this.seconds, this.scheduled, this.sent,
				this.accepted, this.successRatio, this.acceptedPerSecond, this.outcomes, this.accept, this.all,
				this.maxSendLagMs, cpu);
	}

	boolean passes(double minSuccess, double maxP99Ms) {
		return this.successRatio >= minSuccess && this.accept.p99() <= maxP99Ms;
	}

}
