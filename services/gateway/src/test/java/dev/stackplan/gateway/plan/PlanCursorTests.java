package dev.stackplan.gateway.plan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.stackplan.gateway.InputLimits;
import dev.stackplan.gateway.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A plan cursor reads back exactly what it wrote, down to the nanosecond, and nothing
 * else: any other text, or a time outside the input limits, is the same 400 naming
 * {@code cursor}.
 */
class PlanCursorTests {

	private static final InputLimits LIMITS = new InputLimits(Instant.EPOCH,
			Instant.parse("9999-12-31T23:59:59.999999Z"), 100_000);

	private static final UUID PLAN = UUID.fromString("3f2b8c1e-0d4a-4e6b-9a7c-5d1e2f3a4b5c");

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "1970-01-01T00:00:00Z", "2026-11-24T10:15:30.123456789Z", "9999-12-31T23:59:59.999999Z" })
	void aWrittenCursorReadsBackAsThePositionItNamed(String requestedAt) {
		PlanCursor written = new PlanCursor(Instant.parse(requestedAt), PLAN);

		assertThat(PlanCursor.decode(written.encode(), LIMITS)).isEqualTo(written);
	}

	@Test
	void theCursorIsUrlSafeWithoutPadding() {
		String cursor = new PlanCursor(Instant.parse("2026-11-24T10:15:30.5Z"), PLAN).encode();

		assertThat(cursor).matches("[A-Za-z0-9_-]+");
		assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
			.isEqualTo("1795515330.500000000." + PLAN);
	}

	@Test
	void aTimeOutsideTheLimitsIsNotACursor() {
		InputLimits fromNow = new InputLimits(Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-12-31T00:00:00Z"), 100_000);
		String before = new PlanCursor(Instant.parse("2025-12-31T23:59:59Z"), PLAN).encode();
		String after = new PlanCursor(Instant.parse("2026-12-31T00:00:01Z"), PLAN).encode();

		assertNotACursor(before, fromNow);
		assertNotACursor(after, fromNow);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "1795515330.05.3f2b8c1e-0d4a-4e6b-9a7c-5d1e2f3a4b5c",
			"1795515330.000000000.3F2B8C1E-0D4A-4E6B-9A7C-5D1E2F3A4B5C", "1795515330.1000000000.x", "1795515330.0",
			"-1.0.3f2b8c1e-0d4a-4e6b-9a7c-5d1e2f3a4b5c", "" })
	void anyOtherSpellingIsNotACursor(String raw) {
		assertNotACursor(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)),
				LIMITS);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "not base64!", "====", "%00" })
	void textThatIsNotBase64IsNotACursor(String cursor) {
		assertNotACursor(cursor, LIMITS);
	}

	private static void assertNotACursor(String cursor, InputLimits limits) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> PlanCursor.decode(cursor, limits))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("cursor");
				assertThat(ex.getMessage()).isEqualTo("cursor is not a cursor this API returned");
			});
	}

}
