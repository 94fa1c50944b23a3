package dev.stackplan.bench;

import java.util.List;
import java.util.Map;

import dev.stackplan.bench.BenchResult.SmokeCheck;
import dev.stackplan.bench.KafkaLogSizes.TopicSize;
import dev.stackplan.bench.PlanDatabase.TableSize;
import dev.stackplan.bench.ProcessMonitor.ProcessUsage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The report of a run and the flags that configure it. */
class BenchReportTests {

	private static final Percentiles LATENCY = new Percentiles(1000, 5, 9, 10, 20, 30, 40, 6);

	@Test
	void aSmokeReportShowsItsVerdictAndEveryFigure() {
		BenchSettings settings = BenchSettings
			.from(new Flags(new String[] { "--smoke", "--rate", "50", "--db-password", "secret" }));
		LoadResult load = new LoadResult("platform", "smoke", 50, 20, 1000, 1000, 998, 0.998, 49.9,
				Map.of("202", 998L, "timeout", 2L), LATENCY, LATENCY, 1.5, Map.of("gateway", 3.2));
		SmokeCheck check = new SmokeCheck(load, 998, 998, 0, 0, 0, 0, 0, 12, LATENCY, true, List.of(),
				List.of("2 requests answered timeout"));
		BenchResult result = new BenchResult("smoke", "2026-12-01T21:00:00Z", "2026-12-01T21:01:00Z",
				Map.of("machine.nproc", "2"), settings.redacted(), "{}", List.of(), List.of(), List.of(), null, null,
				null, null, null, check, List.of(new TopicSize("plan.requested", 6, 450_000, 450, "plans (1000)")),
				List.of(new TableSize("gateway.plans", 1000, 24_000_000, 24_000)),
				List.of(new ProcessUsage("gateway", 42, 1, 3.2, 20, 500, 480, 500, true)), List.of("a note"));

		String markdown = BenchReport.markdown(result);

		assertThat(markdown).contains("**PASSED**", "warning: 2 requests answered timeout", "| plan.requested | 6 |",
				"| gateway.plans | 1000 |", "| gateway | 42 |", "| platform | smoke | 50 | 20 | 998/1000 |");
		JsonNode json = JsonMapper.builder().build().readTree(JsonMapper.builder().build().writeValueAsString(result));
		assertThat(json.path("smoke").path("passed").asBoolean()).isTrue();
		assertThat(json.path("settings").path("dbPassword").asString()).isEqualTo("***");
	}

	@Test
	void anUnknownFlagIsAnErrorNotADefault() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchSettings.from(new Flags(new String[] { "--accept-max-rat", "10" })))
			.withMessageContaining("accept-max-rat");
	}

	@Test
	void flagsTakeSpaceOrEqualsAndBareBooleans() {
		BenchSettings settings = BenchSettings
			.from(new Flags(new String[] { "--smoke", "--rate=75", "--duration", "5" }));
		assertThat(settings.smoke()).isTrue();
		assertThat(settings.rate()).isEqualTo(75);
		assertThat(settings.duration()).isEqualTo(5);
	}

	@Test
	void aSoakShowsEachProcessMemoryAtTheFirstSampleAndAtTheEndWithTheChange() {
		BenchSettings settings = BenchSettings.from(new Flags(new String[0]));
		LoadResult load = new LoadResult("platform", "soak", 100, 600, 60_000, 60_000, 60_000, 1.0, 100, Map.of(),
				LATENCY, LATENCY, 1.5, Map.of());
		BenchResult.Soak soak = new BenchResult.Soak(100, 600, load, 60, Map.of("gateway", 500.0),
				Map.of("gateway", 550.0), 60_000, 0, 0, LATENCY);
		BenchResult result = new BenchResult("full", "2026-12-01T21:00:00Z", "2026-12-01T21:11:00Z", Map.of(),
				settings.redacted(), "{}", List.of(), List.of(), List.of(), null, null, null, soak, null, null,
				List.of(), List.of(), List.of(), List.of());

		assertThat(BenchReport.markdown(result)).contains("## Soak at half the sustained rate (100/s for 600 s)",
				"| gateway | 500.0 | 550.0 | +10.0% |", "60000 COMPLETE, 0 PARTIAL");
	}

}
