package dev.stackplan.bench;

import java.util.List;
import java.util.Map;

import dev.stackplan.bench.KafkaLogSizes.TopicSize;
import dev.stackplan.bench.PlanDatabase.TableSize;
import dev.stackplan.bench.ProcessMonitor.ProcessUsage;
import org.jspecify.annotations.Nullable;

/**
 * Everything one run measured; written as JSON and rendered as Markdown. Parts a mode
 * does not run are null.
 *
 * @param mode smoke or full
 * @param startedAt UTC start
 * @param finishedAt UTC end
 * @param machine machine, version and setting facts (from the script and this JVM)
 * @param settings the generator's settings
 * @param exampleBody one of the plan bodies sent
 * @param warmups the unmeasured warm-up of each target
 * @param accept every accept step of every target
 * @param acceptSummary each target's highest passing accept rate
 * @param ratios platform against the same-run peers
 * @param endToEnd the sustained end-to-end step search
 * @param halfRate POST to COMPLETE latency at half the sustained rate
 * @param replay the zero-override replay
 * @param smoke the smoke's check
 * @param topics bytes per topic
 * @param tables bytes per table
 * @param processes CPU and RSS of every process
 * @param notes how to read the figures
 */
record BenchResult(String mode, String startedAt, String finishedAt, Map<String, String> machine,
		BenchSettings settings, String exampleBody, List<LoadResult> warmups, List<LoadResult> accept,
		List<AcceptSummary> acceptSummary, @Nullable Ratios ratios, @Nullable EndToEnd endToEnd,
		@Nullable HalfRate halfRate, @Nullable Soak soak, @Nullable Replay replay, @Nullable SmokeCheck smoke,
		List<TopicSize> topics, List<TableSize> tables, List<ProcessUsage> processes, List<String> notes) {

	/**
	 * A target's accept step search.
	 *
	 * @param target the target
	 * @param highestPassingRate the highest step rate with enough successes and p99 under
	 * the bound, 0 if none
	 * @param firstFailingRate the step that failed, 0 if none did before the maximum
	 * @param acceptedPerSecondAtHighest accepted per second at that step
	 */
	record AcceptSummary(String target, int highestPassingRate, int firstFailingRate,
			double acceptedPerSecondAtHighest) {

	}

	/**
	 * Platform figures divided by the peers' of the same run.
	 *
	 * @param acceptRateVsFastapi highest passing rate, platform / FastAPI
	 * @param acceptRateVsNginx highest passing rate, platform / nginx
	 * @param atRate the rate the latency ratios compare at: the platform's highest
	 * passing one
	 * @param p99VsFastapi p99 at that rate, platform / FastAPI
	 * @param p99VsNginx p99 at that rate, platform / nginx
	 * @param p50VsFastapi p50 at that rate, platform / FastAPI
	 * @param p50VsNginx p50 at that rate, platform / nginx
	 */
	record Ratios(@Nullable Double acceptRateVsFastapi, @Nullable Double acceptRateVsNginx, int atRate,
			@Nullable Double p99VsFastapi, @Nullable Double p99VsNginx, @Nullable Double p50VsFastapi,
			@Nullable Double p50VsNginx) {

	}

	/**
	 * The backlog once a second.
	 *
	 * @param second seconds since the step's start
	 * @param accepted accepted so far
	 * @param complete COMPLETE so far (of the plans accepted in the step)
	 * @param backlog accepted - complete
	 */
	record BacklogSample(double second, long accepted, long complete, long backlog) {

	}

	/**
	 * One end-to-end step.
	 *
	 * @param rate offered rate
	 * @param load the load
	 * @param backlogAtQuarter backlog a quarter into the window (after the pipeline
	 * filled)
	 * @param backlogAtEnd backlog at the end of the window
	 * @param growth the difference
	 * @param allowedGrowth what still counts as flat
	 * @param passed whether the backlog did not grow and enough requests were accepted
	 * @param partial plans of the step that ended PARTIAL
	 * @param drainSeconds how long the pipeline took to catch up afterwards
	 * @param backlogAfterDrain backlog left when the drain wait ended
	 * @param samples the backlog once a second
	 */
	record EndToEndStep(int rate, LoadResult load, long backlogAtQuarter, long backlogAtEnd, long growth,
			long allowedGrowth, boolean passed, long partial, double drainSeconds, long backlogAfterDrain,
			List<BacklogSample> samples) {

	}

	/**
	 * The end-to-end search.
	 *
	 * @param sustainedRate the highest passing rate, 0 if none
	 * @param windowSeconds the window
	 * @param steps every step
	 */
	record EndToEnd(int sustainedRate, int windowSeconds, List<EndToEndStep> steps) {

	}

	/**
	 * POST to COMPLETE at a constant rate.
	 *
	 * @param rate offered rate
	 * @param load the load
	 * @param postToComplete from the request's intended send time (generator clock) to
	 * assembled_at (database clock, same machine)
	 * @param requestedToAssembled assembled_at - requested_at, both from the database
	 * (intake's acceptance to COMPLETE)
	 * @param complete plans that ended COMPLETE
	 * @param partial plans that ended PARTIAL
	 * @param pending plans still PENDING when the wait ended
	 * @param missing accepted plans with no row
	 * @param method how the latency was obtained
	 */
	record HalfRate(int rate, LoadResult load, Percentiles postToComplete, Percentiles requestedToAssembled,
			long complete, long partial, long pending, long missing, String method) {

	}

	/**
	 * A long run at half the sustained rate: does memory stay where it was after the
	 * first minute?
	 *
	 * @param rate plans per second offered
	 * @param seconds how long
	 * @param load what the generator saw
	 * @param firstSampleSeconds when the first memory sample was taken
	 * @param rssAtFirstSampleMb each process tree's RSS then
	 * @param rssAtEndMb each process tree's RSS at the end
	 * @param complete plans of the soak that ended COMPLETE
	 * @param partial plans of the soak that ended PARTIAL
	 * @param notComplete plans of the soak not COMPLETE after the drain (PENDING or
	 * missing)
	 * @param postToComplete intended send to assembled_at over the soak
	 */
	record Soak(int rate, int seconds, LoadResult load, int firstSampleSeconds, Map<String, Double> rssAtFirstSampleMb,
			Map<String, Double> rssAtEndMb, long complete, long partial, long notComplete, Percentiles postToComplete) {

	}

	/**
	 * The zero-override replay.
	 *
	 * @param seed the load that seeded the past requests
	 * @param scenarioId the scenario
	 * @param status its final status
	 * @param total requests it selected
	 * @param processed requests it replayed
	 * @param createdAt when it was created
	 * @param startedAt when its replay started
	 * @param finishedAt when it finished
	 * @param perSecondSinceCreated processed / (finishedAt - createdAt)
	 * @param perSecondSinceStarted processed / (finishedAt - startedAt)
	 * @param apiRatePerSecond the rate the API reported
	 * @param productionBacklogAtStart production plans not yet ended when it was created
	 * @param failure why it failed, if it did
	 */
	record Replay(LoadResult seed, String scenarioId, String status, @Nullable Integer total, int processed,
			@Nullable String createdAt, @Nullable String startedAt, @Nullable String finishedAt,
			double perSecondSinceCreated, double perSecondSinceStarted, @Nullable Double apiRatePerSecond,
			long productionBacklogAtStart, @Nullable String failure) {

	}

	/**
	 * The smoke's verdict.
	 *
	 * @param load the load
	 * @param accepted plans accepted
	 * @param complete of them COMPLETE
	 * @param partial of them PARTIAL
	 * @param failed of them FAILED
	 * @param pending of them still PENDING
	 * @param missing of them with no row
	 * @param partialOnTheWay COMPLETE plans that were PARTIAL for a while (a half came
	 * after the plan timeout)
	 * @param waitedSeconds how long it waited for them
	 * @param postToComplete POST to COMPLETE (as in {@link HalfRate})
	 * @param passed whether every accepted plan is COMPLETE
	 * @param failures what went wrong
	 * @param warnings what was refused without breaking a promise (timeouts, 503)
	 */
	record SmokeCheck(LoadResult load, long accepted, long complete, long partial, long failed, long pending,
			long missing, long partialOnTheWay, double waitedSeconds, Percentiles postToComplete, boolean passed,
			List<String> failures, List<String> warnings) {

	}

}
