package dev.stackplan.gateway.scenario;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.gateway.InputLimits;
import dev.stackplan.gateway.Pages;
import dev.stackplan.gateway.client.ApiClient;
import dev.stackplan.gateway.client.NotAnAnalystException;
import dev.stackplan.kit.StrictJson;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What-if scenarios for analysts: replay past plan requests under changed knowledge and
 * compare. Only API keys with the {@code analyst} role may use it; an analyst sees only
 * its own scenarios.
 */
@RestController
@RequestMapping("/api/v1/scenarios")
class ScenarioController {

	private final ScenarioRepository scenarios;

	private final ScenarioRunner runner;

	private final PlanLog log;

	private final KnowledgeOverrides overrides;

	private final InputLimits limits;

	private final JsonMapper json;

	private final GatewayProperties properties;

	private final Clock clock;

	ScenarioController(ScenarioRepository scenarios, ScenarioRunner runner, PlanLog log, KnowledgeBase knowledge,
			JsonMapper json, GatewayProperties properties, Clock clock, InputLimits limits) {
		this.scenarios = scenarios;
		this.properties = properties;
		this.runner = runner;
		this.log = log;
		this.overrides = new KnowledgeOverrides(knowledge);
		this.limits = limits;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Read as bytes, not bound by the codec: the charset, duplicate keys and exact
	 * numbers are decided by {@link StrictJson}, with answers that name the field.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ScenarioPostAnswer>> create(@RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable MediaType contentType,
			ServerWebExchange exchange) {
		ApiClient analyst = analyst(exchange);
		ScenarioRequest request = ScenarioRequest.parse(StrictJson.read(body, contentType), this.overrides,
				this.limits);
		if (request.dryRun()) {
			return Mono.fromCallable(() -> this.log.count(request.source()))
				.subscribeOn(Schedulers.boundedElastic())
				.map((scan) -> ResponseEntity
					.ok(new DryRun(true, scan.requests(), scan.firstRequestedAt(), scan.lastRequestedAt())));
		}
		UUID scenarioId = UUID.randomUUID();
		return this.scenarios
			.create(scenarioId, analyst.id(), request.name(), this.json.writeValueAsString(request.source()),
					this.json.writeValueAsString(request.overrides()))
			.then(Mono.fromRunnable(() -> this.runner.start(scenarioId, request.source(), request.overrides())))
			.then(this.scenarios.find(scenarioId))
			.map((row) -> ResponseEntity.accepted()
				.location(URI.create("/api/v1/scenarios/" + scenarioId))
				.body(ScenarioView.of(row, this.json, this.clock.instant())));
	}

	/**
	 * What a dry run would replay.
	 *
	 * @param dryRun always true
	 * @param requests how many requests
	 * @param requestsFrom acceptance time of the earliest
	 * @param requestsTo acceptance time of the latest
	 */
	record DryRun(boolean dryRun, int requests, @Nullable Instant requestsFrom,
			@Nullable Instant requestsTo) implements ScenarioPostAnswer {

	}

	/** The analyst's scenarios, newest first, in pages like the plan list. */
	@GetMapping
	Mono<ScenarioPage> list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			ServerWebExchange exchange) {
		ApiClient analyst = analyst(exchange);
		int pageSize = Pages.pageSize(limit, this.properties);
		ScenarioCursor after = (cursor != null && !cursor.isBlank()) ? ScenarioCursor.decode(cursor, this.limits)
				: null;
		return this.scenarios.findByClient(analyst.id(), after, pageSize + 1).collectList().map((rows) -> {
			boolean more = rows.size() > pageSize;
			List<ScenarioRow> page = more ? rows.subList(0, pageSize) : rows;
			ScenarioRow last = page.isEmpty() ? null : page.get(page.size() - 1);
			String next = (more && last != null) ? new ScenarioCursor(last.createdAt(), last.scenarioId()).encode()
					: null;
			Instant now = this.clock.instant();
			return new ScenarioPage(page.stream().map((row) -> ScenarioView.of(row, this.json, now)).toList(), next);
		});
	}

	@GetMapping("/{scenarioId}")
	Mono<ScenarioView> find(@PathVariable UUID scenarioId, ServerWebExchange exchange) {
		return owned(scenarioId, analyst(exchange)).map((row) -> ScenarioView.of(row, this.json, this.clock.instant()));
	}

	/**
	 * The comparison, as JSON or, with {@code Accept: text/csv}, as CSV
	 * ({@link ScenarioReportCsvWriter}); 409 until the scenario is complete.
	 */
	@GetMapping("/{scenarioId}/report")
	Mono<ResponseEntity<ScenarioReport>> report(@PathVariable UUID scenarioId,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, ServerWebExchange exchange) {
		return owned(scenarioId, analyst(exchange)).flatMap((row) -> {
			if (row.status() != ScenarioStatus.COMPLETE) {
				return Mono.error(new ReportNotReadyException(row));
			}
			return this.scenarios.compare(scenarioId).collectList().map((results) -> {
				ScenarioReport report = ScenarioReport.of(row, results, this.json);
				if (accept != null && accept.contains("text/csv")) {
					return ResponseEntity.ok()
						.contentType(ScenarioReportCsvWriter.TEXT_CSV)
						.header(HttpHeaders.CONTENT_DISPOSITION,
								"attachment; filename=\"scenario-" + scenarioId + ".csv\"")
						.body(report);
				}
				return ResponseEntity.ok(report);
			});
		});
	}

	/**
	 * Stops an unfinished scenario: nothing more is published for it and it stays
	 * CANCELLED; results still on their way are stored but change nothing. 409 if it is
	 * already finished.
	 */
	@PostMapping("/{scenarioId}/cancel")
	Mono<ScenarioView> cancel(@PathVariable UUID scenarioId, ServerWebExchange exchange) {
		ApiClient analyst = analyst(exchange);
		return this.scenarios.cancel(scenarioId, analyst.id())
			.map((row) -> ScenarioView.of(row, this.json, this.clock.instant()))
			.switchIfEmpty(Mono.defer(() -> owned(scenarioId, analyst)
				.flatMap((row) -> Mono.<ScenarioView>error(new ScenarioFinishedException(row.status())))));
	}

	/** The analyst's own scenario; anyone else's is not found, as an unknown one is. */
	private Mono<ScenarioRow> owned(UUID scenarioId, ApiClient analyst) {
		return this.scenarios.findOwned(scenarioId, analyst.id())
			.switchIfEmpty(Mono.error(() -> new ScenarioNotFoundException(scenarioId)));
	}

	private static ApiClient analyst(ServerWebExchange exchange) {
		ApiClient client = ApiClient.of(exchange);
		if (!client.hasRole(ApiClient.ANALYST)) {
			throw new NotAnAnalystException();
		}
		return client;
	}

}
