package dev.stackplan.intake.plan;

import java.time.Clock;
import java.util.UUID;

import dev.stackplan.contracts.event.PlanRequested;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.topic.PlanEvent;
import dev.stackplan.kit.PlanEventPublisher;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts plan requests from the gateway. Answers 202 only after the broker acknowledged
 * {@code plan.requested}, so an accepted plan is never lost.
 */
@RestController
class PlanRequestController {

	/** Header through which the gateway names the authenticated client. */
	static final String CLIENT_HEADER = "X-Stackplan-Client";

	private final PlanRequestValidator validator = new PlanRequestValidator();

	private final PlanEventPublisher publisher;

	private final Clock clock;

	PlanRequestController(PlanEventPublisher publisher, Clock clock) {
		this.publisher = publisher;
		this.clock = clock;
	}

	@PostMapping("/internal/v1/plan-requests")
	Mono<ResponseEntity<PlanAccepted>> accept(@RequestBody(required = false) JsonNode body,
			@RequestHeader(name = CLIENT_HEADER, defaultValue = "public") String clientId) {
		PlanRequest request = this.validator.validate(body);
		UUID planId = UUID.randomUUID();
		PlanRequested event = new PlanRequested(planId, clientId, this.clock.instant(), request);
		return this.publisher.publish(PlanEvent.PLAN_REQUESTED, planId, event)
			.onErrorMap((ex) -> new PlanNotAcceptedException(ex))
			.thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(new PlanAccepted(planId, "PENDING")));
	}

}
