package dev.stackplan.contracts.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Engines built on the knowledge with overrides applied (a scenario's what-ifs, a
 * request's own assumptions), one per distinct set, the most recently used few kept. A
 * set the knowledge or the engine refuses is kept too, with why, so a bad scenario fails
 * fast instead of being rebuilt for every record. An engine is built outside the lock:
 * reading the documents for one set never holds up the lookups of the others; of two
 * threads building the same set at once, the first to finish wins and both get its
 * engine.
 *
 * @param <E> the engine
 */
public final class OverriddenEngines<E> {

	/**
	 * An engine on overridden knowledge, or why there is none.
	 *
	 * @param <E> the engine
	 * @param engine the engine; null when the overrides make none
	 * @param knowledgeVersion the overridden knowledge's version; empty when there is
	 * none
	 * @param failure why the overrides make no engine; null when they make one
	 */
	public record Built<E>(@Nullable E engine, String knowledgeVersion, @Nullable String failure) {

	}

	private final KnowledgeBase knowledge;

	private final Function<KnowledgeBase, E> engine;

	/** Least recently used first. */
	private final Map<String, Built<E>> built;

	/**
	 * @param knowledge the documented knowledge the overrides apply to
	 * @param engine builds an engine on a knowledge base; throws when it refuses it
	 * @param capacity how many sets of overrides keep what they built
	 */
	public OverriddenEngines(KnowledgeBase knowledge, Function<KnowledgeBase, E> engine, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
		}
		this.knowledge = knowledge;
		this.engine = engine;
		this.built = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Built<E>> eldest) {
				return size() > capacity;
			}

		};
	}

	/** The engine for a JSON merge patch over the whole knowledge base. */
	public Built<E> forOverrides(JsonNode overrides) {
		String key = overrides.toString();
		synchronized (this.built) {
			Built<E> known = this.built.get(key);
			if (known != null) {
				return known;
			}
		}
		Built<E> fresh = build(overrides);
		synchronized (this.built) {
			Built<E> first = this.built.putIfAbsent(key, fresh);
			return (first != null) ? first : fresh;
		}
	}

	private Built<E> build(JsonNode overrides) {
		try {
			KnowledgeBase overridden = this.knowledge.withOverrides(overrides);
			return new Built<>(this.engine.apply(overridden), overridden.version(), null);
		}
		catch (RuntimeException ex) {
			return new Built<>(null, "", String.valueOf(ex.getMessage()));
		}
	}

}
