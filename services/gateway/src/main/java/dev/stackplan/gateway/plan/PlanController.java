package dev.stackplan.gateway.plan;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stackplan.contracts.event.PlanStatus;
import dev.stackplan.contracts.intake.IntakeApi;
import dev.stackplan.contracts.intake.PlanAccepted;
import dev.stackplan.gateway.GatewayProperties;
import dev.stackplan.gateway.InputLimits;
import dev.stackplan.gateway.InvalidParameterException;
import dev.stackplan.gateway.Pages;
import dev.stackplan.gateway.client.ApiClient;
import dev.stackplan.kit.Dependency;
import dev.stackplan.kit.DependencyUnavailableException;
import dev.stackplan.kit.DependencyWatch;
import dev.stackplan.kit.IdempotencyKeyFormat;
import dev.stackplan.kit.RequestIdFilter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
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
 * The public plan API. A client sees only its own plans; anyone else's are 404, as if
 * they did not exist.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

	private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,9})");

	private static final List<String> STATUSES = Arrays.stream(PlanStatus.values()).map(PlanStatus::name).toList();

	private final IntakeClient intake;

	private final PlanRepository plans;

	private final PlanWatcher watcher;

	private final PlanAssembler assembler;

	private final JsonMapper json;

	private final GatewayProperties properties;

	private final Clock clock;

	private final DependencyWatch dependencies;

	private final InputLimits limits;

	PlanController(IntakeClient intake, PlanRepository plans, PlanWatcher watcher, PlanAssembler assembler,
			JsonMapper json, GatewayProperties properties, Clock clock, DependencyWatch dependencies,
			InputLimits limits) {
		this.dependencies = dependencies;
		this.limits = limits;
		this.intake = intake;
		this.plans = plans;
		this.watcher = watcher;
		this.assembler = assembler;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Intake validates and answers 202 once the broker holds the request; the plan row is
	 * written before the client hears of it, so a GET right after the POST finds it. With
	 * {@code Prefer: wait=N} the answer is 200 and the complete plan if it is ready
	 * within N seconds.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<PlanView>> create(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Content-Type", required = false) MediaType contentType,
			@RequestHeader(name = "Prefer", required = false) String prefer,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			ServerWebExchange exchange) {
		ApiClient client = ApiClient.of(exchange);
		if (idempotencyKey != null && !IdempotencyKeyFormat.isValid(idempotencyKey)) {
			throw new InvalidParameterException(IdempotencyKeyFormat.HEADER, IdempotencyKeyFormat.RULE);
		}
		Duration wait = preferredWait(prefer);
		byte[] payload = (body != null) ? body : new byte[0];
		MediaType type = (contentType != null) ? contentType : MediaType.APPLICATION_JSON;
		return this.intake.submit(payload, type, client.id(), idempotencyKey, RequestIdFilter.of(exchange))
			.flatMap((answer) -> {
				if (answer.status().value() != HttpStatus.ACCEPTED.value()) {
					return Mono.error(new IntakeRefusedException(answer.status(), answer.contentType(),
							answer.retryAfter(), publicBody(answer, exchange)));
				}
				PlanAccepted accepted = this.json.readValue(answer.body(), PlanAccepted.class);
				UUID planId = accepted.planId();
				URI location = URI.create("/api/v1/plans/" + planId);
				ResponseEntity.BodyBuilder acceptedBuilder = ResponseEntity.accepted()
					.location(location)
					.contentType(MediaType.APPLICATION_JSON);
				if (answer.replayed()) {
					acceptedBuilder.header(IntakeApi.REPLAYED_HEADER, "true");
				}
				Mono<ResponseEntity<PlanView>> acceptedResponse = Mono
					.just(acceptedBuilder.body(PlanView.accepted(accepted)));
				// the plan is on the broker: if the early row cannot be written now, the
				// listener files it from plan.requested, and the client still hears 202
				Mono<Void> stored = this.dependencies
					.bounded(Dependency.DATABASE,
							this.plans.recordAccepted(planId, client.id(),
									(answer.requestedAt() != null) ? answer.requestedAt() : this.clock.instant()))
					.onErrorResume(DependencyUnavailableException.class, (ex) -> Mono.empty());
				if (wait == null) {
					return stored.then(acceptedResponse);
				}
				return stored.then(this.watcher.awaitFinal(planId, wait)
					.map((row) -> ResponseEntity.ok()
						.location(location)
						.header("Preference-Applied", "wait=" + wait.toSeconds())
						.body(this.assembler.view(row)))
					.switchIfEmpty(acceptedResponse));
			});
	}

	@GetMapping("/{planId}")
	Mono<PlanView> find(@PathVariable UUID planId, ServerWebExchange exchange) {
		return owned(planId, ApiClient.of(exchange)).map(this.assembler::view)
			.switchIfEmpty(Mono.error(() -> new PlanNotFoundException(planId)));
	}

	/**
	 * The plan's status now and at every change, as Server-Sent Events; the stream ends
	 * when the plan is final.
	 */
	@GetMapping("/{planId}/events")
	Mono<ResponseEntity<Flux<ServerSentEvent<PlanStatusEvent>>>> events(@PathVariable UUID planId,
			ServerWebExchange exchange) {
		return owned(planId, ApiClient.of(exchange))
			.map((row) -> ResponseEntity.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.header("Cache-Control", "no-store")
				.body(statusEvents(planId)))
			.switchIfEmpty(Mono.error(() -> new PlanNotFoundException(planId)));
	}

	private Flux<ServerSentEvent<PlanStatusEvent>> statusEvents(UUID planId) {
		String href = "/api/v1/plans/" + planId;
		return this.watcher.follow(planId, this.properties.eventStreamTimeout())
			.map((row) -> ServerSentEvent.builder(new PlanStatusEvent(planId, row.status(), href))
				.event("status")
				.id(row.status().name())
				.build());
	}

	/** The caller's plans, newest first, in pages. */
	@GetMapping
	Mono<PlanPage> list(@RequestParam(required = false) String status, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor, ServerWebExchange exchange) {
		ApiClient client = ApiClient.of(exchange);
		PlanStatus wantedStatus = status(status);
		int pageSize = Pages.pageSize(limit, this.properties);
		PlanCursor after = (cursor != null && !cursor.isBlank()) ? PlanCursor.decode(cursor, this.limits) : null;
		return this.dependencies
			.bounded(Dependency.DATABASE,
					this.plans.findByClient(client.id(), wantedStatus, after, pageSize + 1).collectList())
			.map((rows) -> {
				boolean more = rows.size() > pageSize;
				List<PlanRow> page = more ? rows.subList(0, pageSize) : rows;
				PlanRow last = page.isEmpty() ? null : page.get(page.size() - 1);
				String next = (more && last != null && last.requestedAt() != null)
						? new PlanCursor(last.requestedAt(), last.planId()).encode() : null;
				return new PlanPage(page.stream().map(this.assembler::summary).toList(), next);
			});
	}

	/** Intake's problems name intake's path; the client called the gateway's. */
	private byte[] publicBody(IntakeClient.IntakeAnswer answer, ServerWebExchange exchange) {
		if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(answer.contentType())) {
			return answer.body();
		}
		JsonNode problem = this.json.readTree(answer.body());
		if (problem instanceof ObjectNode object) {
			object.put("instance", exchange.getRequest().getPath().value());
		}
		return this.json.writeValueAsBytes(problem);
	}

	private Mono<PlanRow> owned(UUID planId, ApiClient client) {
		return this.dependencies.bounded(Dependency.DATABASE, this.plans.findOwned(planId, client.id()));
	}

	private @Nullable Duration preferredWait(@Nullable String prefer) {
		if (prefer == null) {
			return null;
		}
		Matcher wait = PREFER_WAIT.matcher(prefer);
		if (!wait.find()) {
			return null;
		}
		Duration asked = Duration.ofSeconds(Long.parseLong(wait.group(1)));
		return (asked.compareTo(this.properties.maxWait()) > 0) ? this.properties.maxWait() : asked;
	}

	private static @Nullable PlanStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		String upper = status.strip().toUpperCase(Locale.ROOT);
		if (!STATUSES.contains(upper)) {
			throw new InvalidParameterException("status", "must be one of " + STATUSES, STATUSES);
		}
		return PlanStatus.valueOf(upper);
	}

}
