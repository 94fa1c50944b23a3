package dev.stackplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stackplan.bench.BenchResult.AcceptSummary;
import dev.stackplan.bench.BenchResult.EndToEndStep;
import dev.stackplan.bench.KafkaLogSizes.TopicSize;
import dev.stackplan.bench.PlanDatabase.TableSize;
import dev.stackplan.bench.ProcessMonitor.ProcessUsage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run as {@code
 *
<dir>
 * /<UTC date and time>.json} (every figure) and {@code .md} (the same, as tables).
 */
final class BenchReport {

	/** UTC date and time, sortable and safe in a file name; one run a second at most. */
	private static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
		.withZone(ZoneOffset.UTC);

	private BenchReport() {
	}

	static void write(BenchResult result, Path directory) throws IOException {
		Files.createDirectories(directory);
		String name = FILE_NAME.format(Instant.parse(result.startedAt()));
		Path json = directory.resolve(name + ".json");
		Path markdown = directory.resolve(name + ".md");
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(json, mapper.writeValueAsString(result) + "\n");
		Files.writeString(markdown, markdown(result));
		PlatformBench.say("report: " + json + " and " + markdown);
	}

	static String markdown(BenchResult result) {
		StringBuilder md = new StringBuilder();
		md.append("# stackplan platform benchmark (").append(result.mode()).append(")\n\n");
		md.append("Started ")
			.append(result.startedAt())
			.append(", finished ")
			.append(result.finishedAt())
			.append(". Command: `")
			.append(result.machine().getOrDefault("command", "deploy/bench/platform.sh"))
			.append("`; every setting is in the JSON file beside this one.\n\n");
		if (!result.settings().note().isBlank()) {
			md.append("> ").append(result.settings().note()).append("\n\n");
		}
		md.append("## Machine and versions\n\n| | |\n|---|---|\n");
		result.machine()
			.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n"));
		md.append('\n');
		if (result.smoke() != null) {
			BenchResult.SmokeCheck smoke = result.smoke();
			md.append("## Smoke\n\n")
				.append(smoke.passed() ? "**PASSED**" : "**FAILED**")
				.append(": ")
				.append(smoke.accepted())
				.append(" accepted, ")
				.append(smoke.complete())
				.append(" COMPLETE, ")
				.append(smoke.partial())
				.append(" PARTIAL, ")
				.append(smoke.failed())
				.append(" FAILED, ")
				.append(smoke.pending())
				.append(" PENDING, ")
				.append(smoke.missing())
				.append(" missing; ")
				.append(smoke.partialOnTheWay())
				.append(" of the COMPLETE ones were PARTIAL on the way (waited ")
				.append(Math.round(smoke.waitedSeconds()))
				.append(" s).");
			smoke.failures().forEach((failure) -> md.append("\n- ").append(failure));
			smoke.warnings().forEach((warning) -> md.append("\n- warning: ").append(warning));
			md.append("\n\n");
			List<LoadResult> loads = new ArrayList<>(result.warmups());
			loads.add(smoke.load());
			loadTable(md, loads);
			md.append("\nPOST -> COMPLETE: ").append(percentiles(smoke.postToComplete())).append("\n\n");
		}
		if (!result.accept().isEmpty()) {
			md.append("## Accept: POST at constant rates (open loop, latency from the intended send time)\n\n");
			loadTable(md, result.accept());
			if (!result.warmups().isEmpty()) {
				md.append("\nUnmeasured warm-ups before:\n\n");
				loadTable(md, result.warmups());
			}
			md.append("\nHighest passing rate (success >= ")
				.append(result.settings().minSuccess())
				.append(", p99 <= ")
				.append(result.settings().maxP99Ms())
				.append(" ms):\n\n")
				.append("| target | highest passing rate | first failing rate | accepted/s there |\n|---|---|---|---|\n");
			for (AcceptSummary summary : result.acceptSummary()) {
				md.append("| ")
					.append(summary.target())
					.append(" | ")
					.append(summary.highestPassingRate())
					.append(" | ")
					.append(summary.firstFailingRate())
					.append(" | ")
					.append(summary.acceptedPerSecondAtHighest())
					.append(" |\n");
			}
		}
		if (result.ratios() != null) {
			BenchResult.Ratios ratios = result.ratios();
			md.append(
					"\n### Ratios to the same-run peers\n\n| | platform / FastAPI | platform / nginx |\n|---|---|---|\n")
				.append("| highest passing accept rate | ")
				.append(text(ratios.acceptRateVsFastapi()))
				.append(" | ")
				.append(text(ratios.acceptRateVsNginx()))
				.append(" |\n")
				.append("| p50 at ")
				.append(ratios.atRate())
				.append("/s | ")
				.append(text(ratios.p50VsFastapi()))
				.append(" | ")
				.append(text(ratios.p50VsNginx()))
				.append(" |\n")
				.append("| p99 at ")
				.append(ratios.atRate())
				.append("/s | ")
				.append(text(ratios.p99VsFastapi()))
				.append(" | ")
				.append(text(ratios.p99VsNginx()))
				.append(" |\n");
		}
		if (result.endToEnd() != null) {
			md.append("\n## Sustained end to end\n\n**")
				.append(result.endToEnd().sustainedRate())
				.append(" plans/s**: the highest constant rate at which the backlog (accepted - COMPLETE) did not grow over ")
				.append(result.endToEnd().windowSeconds())
				.append(" s.\n\n")
				.append("| rate | accepted | backlog at 1/4 | backlog at end | growth (allowed) | flat | PARTIAL | drain s | left after drain |\n")
				.append("|---|---|---|---|---|---|---|---|---|\n");
			for (EndToEndStep step : result.endToEnd().steps()) {
				md.append("| ")
					.append(step.rate())
					.append(" | ")
					.append(step.load().accepted())
					.append('/')
					.append(step.load().scheduled())
					.append(" | ")
					.append(step.backlogAtQuarter())
					.append(" | ")
					.append(step.backlogAtEnd())
					.append(" | ")
					.append(step.growth())
					.append(" (")
					.append(step.allowedGrowth())
					.append(") | ")
					.append(step.passed() ? "yes" : "no")
					.append(" | ")
					.append(step.partial())
					.append(" | ")
					.append(Math.round(step.drainSeconds()))
					.append(" | ")
					.append(step.backlogAfterDrain())
					.append(" |\n");
			}
		}
		if (result.halfRate() != null) {
			BenchResult.HalfRate half = result.halfRate();
			md.append("\n## POST -> COMPLETE at half the sustained rate (")
				.append(half.rate())
				.append("/s)\n\n")
				.append("- intended send -> assembled_at: ")
				.append(percentiles(half.postToComplete()))
				.append('\n')
				.append("- requested_at -> assembled_at (database only): ")
				.append(percentiles(half.requestedToAssembled()))
				.append('\n')
				.append("- ")
				.append(half.complete())
				.append(" COMPLETE, ")
				.append(half.partial())
				.append(" PARTIAL, ")
				.append(half.pending())
				.append(" PENDING, ")
				.append(half.missing())
				.append(" missing\n- method: ")
				.append(half.method())
				.append('\n');
		}
		if (result.soak() != null) {
			BenchResult.Soak soak = result.soak();
			md.append("\n## Soak at half the sustained rate (")
				.append(soak.rate())
				.append("/s for ")
				.append(soak.seconds())
				.append(" s)\n\n")
				.append("- accepted ")
				.append(soak.load().accepted())
				.append(" of ")
				.append(soak.load().scheduled())
				.append("; accept latency ")
				.append(percentiles(soak.load().accept()))
				.append("\n- POST -> COMPLETE: ")
				.append(percentiles(soak.postToComplete()))
				.append("\n- ")
				.append(soak.complete())
				.append(" COMPLETE, ")
				.append(soak.partial())
				.append(" PARTIAL, ")
				.append(soak.notComplete())
				.append(" not COMPLETE after the drain\n\n")
				.append("| process | RSS MB at ")
				.append(soak.firstSampleSeconds())
				.append(" s | RSS MB at the end | change |\n|---|---|---|---|\n");
			soak.rssAtEndMb().forEach((name, end) -> {
				Double first = soak.rssAtFirstSampleMb().get(name);
				md.append("| ")
					.append(name)
					.append(" | ")
					.append(first)
					.append(" | ")
					.append(end)
					.append(" | ")
					.append((first != null && first > 0)
							? String.format(Locale.ROOT, "%+.1f%%", (end - first) * 100 / first) : "")
					.append(" |\n");
			});
		}
		if (result.replay() != null) {
			BenchResult.Replay replay = result.replay();
			md.append("\n## Replay (zero-override scenario)\n\n- ")
				.append(replay.processed())
				.append(" of ")
				.append(replay.total())
				.append(" past requests replayed, status ")
				.append(replay.status())
				.append("\n- **")
				.append(replay.perSecondSinceCreated())
				.append(" plans/s** from created to finished (")
				.append(replay.perSecondSinceStarted())
				.append("/s from started; the API said ")
				.append(text(replay.apiRatePerSecond()))
				.append("/s)\n- created ")
				.append(replay.createdAt())
				.append(", started ")
				.append(replay.startedAt())
				.append(", finished ")
				.append(replay.finishedAt())
				.append("\n- seeded at ")
				.append(replay.seed().rate())
				.append("/s: ")
				.append(replay.seed().accepted())
				.append(" accepted; production backlog when the scenario started: ")
				.append(replay.productionBacklogAtStart())
				.append('\n');
			if (replay.failure() != null) {
				md.append("- failure: ").append(replay.failure()).append('\n');
			}
		}
		md.append(
				"\n## Bytes per plan\n\n| topic | partitions | log bytes | bytes per plan | divided by |\n|---|---|---|---|---|\n");
		for (TopicSize topic : result.topics()) {
			md.append("| ")
				.append(topic.topic())
				.append(" | ")
				.append(topic.partitions())
				.append(" | ")
				.append(topic.logBytes())
				.append(" | ")
				.append(topic.perPlan())
				.append(" | ")
				.append(topic.perPlanOf())
				.append(" |\n");
		}
		md.append("\n| table | rows | total bytes (pg_total_relation_size) | bytes per row |\n|---|---|---|---|\n");
		for (TableSize table : result.tables()) {
			md.append("| ")
				.append(table.table())
				.append(" | ")
				.append(table.rows())
				.append(" | ")
				.append(table.totalBytes())
				.append(" | ")
				.append(table.bytesPerRow())
				.append(" |\n");
		}
		md.append(
				"\n## Processes\n\n| process | pid | processes | CPU s (measured) | CPU s (since start) | peak RSS MB (tree) | final RSS MB (tree) | VmHWM MB (root) |\n")
			.append("|---|---|---|---|---|---|---|---|\n");
		for (ProcessUsage usage : result.processes()) {
			md.append("| ")
				.append(usage.name())
				.append(usage.alive() ? "" : " (exited)")
				.append(" | ")
				.append(usage.pid())
				.append(" | ")
				.append(usage.processes())
				.append(" | ")
				.append(usage.cpuSeconds())
				.append(" | ")
				.append(usage.cpuSecondsSinceStart())
				.append(" | ")
				.append(usage.peakRssMb())
				.append(" | ")
				.append(usage.finalRssMb())
				.append(" | ")
				.append(usage.rootPeakRssMb())
				.append(" |\n");
		}
		if (!result.notes().isEmpty()) {
			md.append("\n## Notes\n\n");
			result.notes().forEach((note) -> md.append("- ").append(note).append('\n'));
		}
		return md.toString();
	}

	private static void loadTable(StringBuilder md, List<LoadResult> loads) {
		md.append(
				"| target | phase | rate/s | s | accepted | success | accepted/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | max send lag ms | other outcomes |\n")
			.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (LoadResult load : loads) {
			md.append("| ")
				.append(load.target())
				.append(" | ")
				.append(load.phase())
				.append(" | ")
				.append(load.rate())
				.append(" | ")
				.append(load.seconds())
				.append(" | ")
				.append(load.accepted())
				.append('/')
				.append(load.scheduled())
				.append(" | ")
				.append(load.successRatio())
				.append(" | ")
				.append(load.acceptedPerSecond())
				.append(" | ")
				.append(load.accept().p50())
				.append(" | ")
				.append(load.accept().p90())
				.append(" | ")
				.append(load.accept().p99())
				.append(" | ")
				.append(load.accept().p999())
				.append(" | ")
				.append(load.accept().max())
				.append(" | ")
				.append(Math.round(load.maxSendLagMs() * 100) / 100.0)
				.append(" | ")
				.append(others(load))
				.append(" |\n");
		}
	}

	private static String others(LoadResult load) {
		StringBuilder others = new StringBuilder();
		for (Map.Entry<String, Long> outcome : load.outcomes().entrySet()) {
			if (!outcome.getKey().equals("202")) {
				others.append(others.isEmpty() ? "" : ", ")
					.append(outcome.getKey())
					.append(": ")
					.append(outcome.getValue());
			}
		}
		return others.toString();
	}

	private static String percentiles(Percentiles p) {
		return "p50 " + p.p50() + " ms, p95 " + p.p95() + " ms, p99 " + p.p99() + " ms, max " + p.max() + " ms ("
				+ p.count() + " plans)";
	}

	private static String text(@Nullable Double value) {
		return (value != null) ? value.toString() : "n/a";
	}

	private static String cell(String value) {
		return value.replace("|", "\\|").replace("\n", " ");
	}

}
