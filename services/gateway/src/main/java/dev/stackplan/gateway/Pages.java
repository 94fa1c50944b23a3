package dev.stackplan.gateway;

import org.jspecify.annotations.Nullable;

/** The {@code limit} of every list of the API, read the same way everywhere. */
public final class Pages {

	private Pages() {
	}

	/**
	 * The page size asked for, the default without one.
	 * @throws InvalidParameterException if it is not a whole number in range
	 */
	public static int pageSize(@Nullable String limit, GatewayProperties properties) {
		if (limit == null || limit.isBlank()) {
			return properties.defaultPageSize();
		}
		try {
			int size = Integer.parseInt(limit.strip());
			if (size >= 1 && size <= properties.maxPageSize()) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below like any other out-of-range value
		}
		throw new InvalidParameterException("limit",
				"must be a whole number between 1 and " + properties.maxPageSize());
	}

}
