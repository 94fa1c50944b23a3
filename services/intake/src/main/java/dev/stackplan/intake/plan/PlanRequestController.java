package dev.stackplan.intake.plan;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.intake.IntakeApi;
import dev.stackplan.contracts.intake.PlanAccepted;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.intake.IntakeProperties;
import dev.stackplan.kit.Dependency;
import dev.stackplan.kit.DependencyUnavailableException;
import dev.stackplan.kit.DependencyWatch;
import dev.stackplan.kit.FieldViolation;
import dev.stackplan.kit.IdempotencyKeyFormat;
import dev.stackplan.kit.PlanEventPublisher;
import dev.stackplan.kit.Sha256;
import dev.stackplan.kit.StrictJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts plan requests from the gateway. Answers 202 only after the broker acknowledged
 * {@code plan.requested}, so an accepted plan is never lost. With an
 * {@code Idempotency-Key}, a retry gets the same plan (Stripe's semantics): the same key
 * with another body is a 422, and a retry while the first attempt is still in flight is a
 * 409 naming the plan.
 */
@RestController
class PlanRequestController {

	private static final Log logger = LogFactory.getLog(PlanRequestController.class);

	private final PlanRequestValidator validator = new PlanRequestValidator();

	private final PlanEventPublisher publisher;

	private final IdempotencyKeys keys;

	private final IntakeProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	private final PipelineBackpressure backpressure;

	private final DependencyWatch dependencies;

	PlanRequestController(PlanEventPublisher publisher, IdempotencyKeys keys, IntakeProperties properties,
			JsonMapper json, Clock clock, MeterRegistry meters, PipelineBackpressure backpressure,
			DependencyWatch dependencies) {
		this.dependencies = dependencies;
		this.publisher = publisher;
		this.keys = keys;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.meters = meters;
		this.backpressure = backpressure;
	}

	@PostMapping(IntakeApi.PLAN_REQUESTS)
	Mono<ResponseEntity<PlanAccepted>> accept(@RequestBody(required = false) byte @Nullable [] bytes,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable MediaType contentType,
			@RequestHeader(name = IntakeApi.CLIENT_HEADER, defaultValue = "public") String clientId,
			@RequestHeader(name = IdempotencyKeyFormat.HEADER, required = false) @Nullable String idempotencyKey) {
		// read as bytes, not bound by the codec: the charset, duplicate keys and exact
		// numbers are decided here, with answers that name the field
		JsonNode body = StrictJson.read(bytes, contentType);
		PlanRequest request = this.validator.validate(body);
		this.backpressure.requireCapacity();
		this.dependencies.require(Dependency.BROKER);
		if (idempotencyKey == null) {
			return publish(UUID.randomUUID(), clientId, request).map(PlanRequestController::accepted);
		}
		if (!IdempotencyKeyFormat.isValid(idempotencyKey)) {
			throw new InvalidPlanRequestException(
					List.of(new FieldViolation(IdempotencyKeyFormat.HEADER, IdempotencyKeyFormat.RULE)));
		}
		this.dependencies.require(Dependency.DATABASE);
		String requestHash = Sha256.hex(this.json.writeValueAsString(request));
		UUID planId = UUID.randomUUID();
		return this.keys.claim(clientId, idempotencyKey, requestHash, planId)
			.flatMap((claimed) -> claimed
					? publishUnderKey(planId, clientId, idempotencyKey, request).map(PlanRequestController::accepted)
					: retry(clientId, idempotencyKey, requestHash, request));
	}

	private Mono<ResponseEntity<PlanAccepted>> retry(String clientId, String key, String requestHash,
			PlanRequest request) {
		return this.keys.find(clientId, key)
			.switchIfEmpty(
					Mono.error(() -> new IdempotencyKeyInFlightException(null, this.properties.inFlightRetryAfter())))
			.flatMap((existing) -> {
				if (!existing.requestSha256().equals(requestHash)) {
					return Mono.error(new IdempotencyKeyReusedException(existing.planId()));
				}
				if (existing.accepted()) {
					return Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED)
						.header(IntakeApi.REPLAYED_HEADER, "true")
						.body(PlanAccepted.pending(existing.planId())));
				}
				boolean abandoned = existing.updatedAt()
					.isBefore(this.clock.instant().minus(this.properties.idempotencyTakeover()));
				if (!abandoned) {
					return Mono.error(new IdempotencyKeyInFlightException(existing.planId(),
							this.properties.inFlightRetryAfter()));
				}
				return this.keys.takeOver(clientId, key, existing.updatedAt())
					.flatMap((won) -> won
							? publishUnderKey(existing.planId(), clientId, key, request)
								.map(PlanRequestController::accepted)
							: Mono.error(new IdempotencyKeyInFlightException(existing.planId(),
									this.properties.inFlightRetryAfter())));
			});
	}

	private Mono<PlanRequested> publishUnderKey(UUID planId, String clientId, String key, PlanRequest request) {
		return publish(planId, clientId, request).flatMap((published) -> this.keys.markAccepted(clientId, key)
			// the plan is on the broker, so the answer is 202 all the same; a retry
			// meanwhile
			// finds the key in flight, and after the takeover time publishes the same
			// plan again
			.onErrorResume(DependencyUnavailableException.class, (ex) -> Mono.fromRunnable(() -> logger
				// on the database driver's thread: the request id is in the MDC all the
				// same
				.warn("Plan " + planId + " accepted, but its idempotency key is not marked: " + ex.getMessage())))
			.thenReturn(published))
			.onErrorResume(PlanNotAcceptedException.class,
					(ex) -> this.keys.release(clientId, key).then(Mono.error(ex)));
	}

	private Mono<PlanRequested> publish(UUID planId, String clientId, PlanRequest request) {
		PlanRequested event = new PlanRequested(planId, clientId, this.clock.instant(), request);
		return this.publisher.publish(PlanEvent.PLAN_REQUESTED, planId, event)
			.onErrorMap((ex) -> new PlanNotAcceptedException(ex, this.properties.brokerRetryAfter()))
			.doOnSuccess((sent) -> Counter.builder("stackplan.plans.requested")
				.description("Plan requests accepted and on the broker, by product kind")
				.tag("kind", request.product().kind().name())
				.register(this.meters)
				.increment())
			.thenReturn(event);
	}

	private static ResponseEntity<PlanAccepted> accepted(PlanRequested event) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header(IntakeApi.REQUESTED_AT_HEADER, event.requestedAt().toString())
			.body(PlanAccepted.pending(event.planId()));
	}

}
