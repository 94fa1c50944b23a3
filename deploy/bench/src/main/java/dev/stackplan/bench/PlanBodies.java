package dev.stackplan.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.stackplan.local.PlanRequestMother;
import tools.jackson.databind.json.JsonMapper;

/**
 * Valid plan request bodies that differ in every dimension the engines read, the
 * end-to-end tests' {@link PlanRequestMother#varied}; serialised once, cycled through by
 * request index so that the generator spends no time on JSON.
 */
final class PlanBodies {

	private final List<byte[]> bodies;

	private PlanBodies(List<byte[]> bodies) {
		this.bodies = bodies;
	}

	static PlanBodies varied(int count) {
		JsonMapper json = JsonMapper.builder().build();
		List<byte[]> bodies = new ArrayList<>();
		for (Map<String, Object> body : PlanRequestMother.varied("Bench product", count)) {
			bodies.add(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		}
		return new PlanBodies(List.copyOf(bodies));
	}

	byte[] get(int index) {
		return this.bodies.get(index % this.bodies.size());
	}

	/** The first body, for the report. */
	String example() {
		return new String(this.bodies.get(1 % this.bodies.size()), StandardCharsets.UTF_8);
	}

}
