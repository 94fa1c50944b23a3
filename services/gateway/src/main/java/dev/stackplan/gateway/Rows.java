package dev.stackplan.gateway;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

/** Reads columns R2DBC has no direct mapping for. */
public final class Rows {

	private Rows() {
	}

	/** A {@code timestamptz} column as an instant, or null. */
	public static @Nullable Instant instant(Readable row, String column) {
		OffsetDateTime value = row.get(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
