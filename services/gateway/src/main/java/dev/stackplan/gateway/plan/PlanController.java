package dev.stackplan.gateway.plan;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public plan API. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

	private static final String PUBLIC_CLIENT = "public";

	private final IntakeClient intake;

	private final PlanRepository plans;

	private final PlanAssembler assembler;

	private final JsonMapper json;

	private final Clock clock;

	PlanController(IntakeClient intake, PlanRepository plans, JsonMapper json, Clock clock) {
		this.intake = intake;
		this.plans = plans;
		this.assembler = new PlanAssembler(json);
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Intake validates and answers 202 once the broker holds the request; the plan row is
	 * written before the client hears of it, so a GET right after the POST finds it.
	 */
	@PostMapping
	Mono<ResponseEntity<?>> create(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = "Content-Type", required = false) MediaType contentType) {
		byte[] payload = (body != null) ? body : new byte[0];
		MediaType type = (contentType != null) ? contentType : MediaType.APPLICATION_JSON;
		return this.intake.submit(payload, type, PUBLIC_CLIENT).flatMap((answer) -> {
			if (answer.status().value() != HttpStatus.ACCEPTED.value()) {
				return Mono
					.just(ResponseEntity.status(answer.status()).contentType(answer.contentType()).body(answer.body()));
			}
			JsonNode accepted = this.json.readTree(answer.body());
			UUID planId = UUID.fromString(accepted.required("planId").asString());
			return this.plans.recordAccepted(planId, PUBLIC_CLIENT, this.clock.instant())
				.thenReturn(ResponseEntity.accepted()
					.location(URI.create("/api/v1/plans/" + planId))
					.contentType(MediaType.APPLICATION_JSON)
					.body(accepted));
		});
	}

	@GetMapping("/{planId}")
	Mono<ResponseEntity<?>> find(@PathVariable UUID planId) {
		return this.plans.findById(planId)
			.<ResponseEntity<?>>map((row) -> ResponseEntity.ok(this.assembler.view(row)))
			.defaultIfEmpty(notFound(planId));
	}

	private static ResponseEntity<ProblemDetail> notFound(UUID planId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No plan " + planId);
		problem.setTitle("Plan not found");
		problem.setType(URI.create("https://stackplan.dev/problems/plan-not-found"));
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

}
