package dev.stackplan.contracts.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Compares a JSON schema with its published version: the changes an event's existing
 * producers and consumers cannot survive. Follows local {@code $ref}s into {@code $defs}.
 */
final class SchemaCompatibility {

	private final JsonNode publishedRoot;

	private final JsonNode currentRoot;

	private final List<String> breaks = new ArrayList<>();

	private SchemaCompatibility(JsonNode publishedRoot, JsonNode currentRoot) {
		this.publishedRoot = publishedRoot;
		this.currentRoot = currentRoot;
	}

	/**
	 * Every incompatible change, each naming its path; empty when the current schema is
	 * compatible.
	 */
	static List<String> breakingChanges(JsonNode published, JsonNode current) {
		SchemaCompatibility check = new SchemaCompatibility(published, current);
		check.compare(published, current, "$", new HashSet<>());
		return check.breaks;
	}

	private void compare(JsonNode published, JsonNode current, String path, Set<String> visited) {
		JsonNode before = resolve(this.publishedRoot, published);
		JsonNode after = resolve(this.currentRoot, current);
		String visit = path + "|" + published.path("$ref").asString("");
		if (!visited.add(visit)) {
			return;
		}
		if (!before.path("type").equals(after.path("type"))) {
			this.breaks.add(path + ": type " + before.path("type") + " became " + after.path("type"));
		}
		if (!before.path("enum").equals(after.path("enum"))) {
			this.breaks.add(path + ": enumeration " + before.path("enum") + " became " + after.path("enum"));
		}
		Set<String> requiredBefore = names(before.path("required"));
		Set<String> requiredAfter = names(after.path("required"));
		for (String name : requiredAfter) {
			if (!requiredBefore.contains(name)) {
				this.breaks.add(path + "." + name + ": newly required");
			}
		}
		for (String name : requiredBefore) {
			if (!requiredAfter.contains(name)) {
				this.breaks.add(path + "." + name + ": no longer required");
			}
		}
		for (Map.Entry<String, JsonNode> property : before.path("properties").properties()) {
			JsonNode now = after.path("properties").get(property.getKey());
			if (now == null) {
				this.breaks.add(path + "." + property.getKey() + ": removed");
			}
			else {
				compare(property.getValue(), now, path + "." + property.getKey(), visited);
			}
		}
		if (before.has("items")) {
			compare(before.get("items"), after.path("items"), path + "[]", visited);
		}
		JsonNode anyOfBefore = before.path("anyOf");
		JsonNode anyOfAfter = after.path("anyOf");
		if (anyOfBefore.size() != anyOfAfter.size()) {
			this.breaks.add(path + ": anyOf " + anyOfBefore.size() + " alternatives became " + anyOfAfter.size());
		}
		else {
			for (int i = 0; i < anyOfBefore.size(); i++) {
				compare(anyOfBefore.get(i), anyOfAfter.get(i), path + "|" + i, visited);
			}
		}
	}

	private static JsonNode resolve(JsonNode root, JsonNode schema) {
		JsonNode current = schema;
		while (current.has("$ref")) {
			String ref = current.get("$ref").asString();
			if (!ref.startsWith("#/")) {
				throw new IllegalArgumentException("Only local references are supported: " + ref);
			}
			current = root.at(ref.substring(1));
		}
		return current;
	}

	private static Set<String> names(JsonNode array) {
		Set<String> names = new HashSet<>();
		array.forEach((name) -> names.add(name.asString()));
		return names;
	}

}
