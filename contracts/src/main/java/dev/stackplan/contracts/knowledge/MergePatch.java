package dev.stackplan.contracts.knowledge;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** RFC 7386 JSON merge patch, restricted to paths that already exist in the target. */
final class MergePatch {

	private MergePatch() {
	}

	static void apply(ObjectNode target, JsonNode patch, String pointer) {
		if (!patch.isObject()) {
			throw new UnknownKnowledgePathException(pointer.isEmpty() ? "/" : pointer,
					"a merge patch must be a JSON object");
		}
		for (Map.Entry<String, JsonNode> property : patch.properties()) {
			String name = property.getKey();
			String path = pointer + "/" + name;
			JsonNode existing = target.get(name);
			if (existing == null) {
				throw new UnknownKnowledgePathException(path, "no such path in the knowledge base");
			}
			JsonNode value = property.getValue();
			if (value.isNull()) {
				target.remove(name);
			}
			else if (value.isObject() && existing.isObject()) {
				apply((ObjectNode) existing, value, path);
			}
			else {
				target.set(name, value.deepCopy());
			}
		}
	}

}
