package dev.stackplan.bench;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Command-line flags {@code --name value}, {@code --name=value} or a bare {@code --name}
 * (true). Every flag read must exist in the command's list; a flag nobody reads is an
 * error, so a typo never silently falls back to a default.
 */
final class Flags {

	private final Map<String, String> values = new LinkedHashMap<>();

	private final Set<String> read = new LinkedHashSet<>();

	Flags(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("expected --flag, got " + arg);
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				this.values.put(name.substring(0, equals), name.substring(equals + 1));
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				this.values.put(name, args[++i]);
			}
			else {
				this.values.put(name, "true");
			}
		}
	}

	String string(String name, String fallback) {
		this.read.add(name);
		return this.values.getOrDefault(name, fallback);
	}

	int integer(String name, int fallback) {
		return Integer.parseInt(string(name, Integer.toString(fallback)));
	}

	double decimal(String name, double fallback) {
		return Double.parseDouble(string(name, Double.toString(fallback)));
	}

	boolean bool(String name) {
		return Boolean.parseBoolean(string(name, "false"));
	}

	/** Fails on any flag that was given but never read. */
	void requireAllRead() {
		Set<String> unknown = new LinkedHashSet<>(this.values.keySet());
		unknown.removeAll(this.read);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown flags " + unknown + "; known: " + this.read);
		}
	}

}
