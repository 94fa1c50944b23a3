package dev.stackplan.contracts.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The knowledge base: every figure and rule the engines use, as one JSON tree assembled
 * from the data files listed in {@code knowledge/index.json}. Its version id is derived
 * from its content, so an unchanged knowledge base keeps its id and any change (a new
 * release or a what-if override) gets a new one.
 */
public final class KnowledgeBase {

	/** Classpath folder of the knowledge data files. */
	public static final String ROOT = "knowledge/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String release;

	private final ObjectNode tree;

	private final String version;

	private KnowledgeBase(String release, ObjectNode tree) {
		this.release = release;
		this.tree = tree;
		this.version = release + "+" + contentHash(tree);
	}

	/**
	 * Loads the knowledge base shipped in this jar, each document checked against its
	 * schema in {@code knowledge/schemas/}.
	 * @throws InvalidKnowledgeException naming the document and the JSON pointer of the
	 * first fault
	 */
	public static KnowledgeBase load() {
		JsonNode index = readResource(ROOT + "index.json");
		ObjectNode tree = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> document : index.required("documents").properties()) {
			JsonNode content = readResource(ROOT + document.getValue().asString());
			KnowledgeSchema.of(document.getKey()).validate("knowledge document '" + document.getKey() + "'", content);
			tree.set(document.getKey(), content);
		}
		return new KnowledgeBase(index.required("release").asString(), tree);
	}

	/**
	 * A knowledge base with a JSON merge patch (RFC 7386) applied; only paths that
	 * already exist may be changed, so a typo cannot silently add an unused figure.
	 * @param mergePatch the overrides
	 * @return a new knowledge base with its own version id
	 * @throws UnknownKnowledgePathException naming the first path that does not exist
	 */
	public KnowledgeBase withOverrides(JsonNode mergePatch) {
		ObjectNode patched = this.tree.deepCopy();
		MergePatch.apply(patched, mergePatch, "");
		return new KnowledgeBase(this.release, patched);
	}

	/** Release name of the data files, e.g. {@code 2026.11.1}. */
	public String release() {
		return this.release;
	}

	/** Content-derived version id, e.g. {@code 2026.11.1+3f2a9c0d1e4b}. */
	public String version() {
		return this.version;
	}

	/** A copy of one top-level document, e.g. {@code frameworks} or {@code cost}. */
	public JsonNode document(String name) {
		return this.tree.required(name).deepCopy();
	}

	/** A copy of the whole tree. */
	public ObjectNode tree() {
		return this.tree.deepCopy();
	}

	static JsonNode readResource(String name) {
		try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Knowledge file not on the classpath: " + name);
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String contentHash(JsonNode tree) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] canonical = JSON.writeValueAsString(canonical(tree)).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(sha256.digest(canonical), 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Same content, properties sorted by name at every level, so the hash ignores file
	 * layout.
	 */
	private static Object canonical(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> sorted = new TreeMap<>();
			node.properties().forEach((property) -> sorted.put(property.getKey(), canonical(property.getValue())));
			return sorted;
		}
		if (node.isArray()) {
			List<Object> items = new ArrayList<>();
			node.forEach((item) -> items.add(canonical(item)));
			return items;
		}
		return node;
	}

}
