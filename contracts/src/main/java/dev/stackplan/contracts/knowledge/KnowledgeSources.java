package dev.stackplan.contracts.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

/**
 * Finds where a knowledge document says where its facts come from: every property named
 * {@code source} or ending in {@code Source} ({@code weightSource}, {@code scoreSource},
 * ...), at any depth. The one walker the knowledge base, the engines' readers and the
 * tests share, so no reader can miss a source another one checks.
 */
public final class KnowledgeSources {

	private KnowledgeSources() {
	}

	/** Whether a property of a knowledge document names a source. */
	public static boolean isSource(String property) {
		return property.equals("source") || property.endsWith("Source");
	}

	/**
	 * Visits every source property with its JSON pointer and its value, whatever the
	 * value's type, so a reader can refuse one that is not a string.
	 * @param node a document or a part of one
	 * @param pointer the JSON pointer of {@code node}, empty for a whole document
	 * @param visitor called with the pointer and the value of each source property
	 */
	public static void forEach(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String path = pointer + "/" + property.getKey();
				if (isSource(property.getKey())) {
					visitor.accept(path, property.getValue());
				}
				else {
					forEach(property.getValue(), path, visitor);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				forEach(node.get(i), pointer + "/" + i, visitor);
			}
		}
	}

	/** Every source written as a string, with its JSON pointer, in document order. */
	public static List<Map.Entry<String, String>> of(JsonNode node) {
		List<Map.Entry<String, String>> sources = new ArrayList<>();
		forEach(node, "", (pointer, value) -> {
			if (value.isString()) {
				sources.add(Map.entry(pointer, value.asString()));
			}
		});
		return sources;
	}

}
