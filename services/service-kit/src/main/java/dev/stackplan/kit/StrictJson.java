package dev.stackplan.kit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Reads a request body the way RFC 8259 and the API contract mean it, before any field is
 * looked at: UTF-8 only, no duplicate keys, every number exact (no {@code 1e309} becoming
 * infinity, no {@code 1e-400} becoming 0), and helpers that name strings a database
 * cannot store (NUL, lone surrogates) and unknown fields, with "did you mean" for near
 * misses. Every message names the field and never a class or a library.
 */
public final class StrictJson {

	/** Field name of the body as a whole. */
	public static final String ROOT = "$";

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** Parser messages that would name the parser's own types are not shown. */
	private static final Pattern INTERNAL_WORDING = Pattern.compile("`|tools\\.jackson|java\\.|com\\.fasterxml");

	private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

	private StrictJson() {
	}

	/**
	 * One reason a body was rejected.
	 *
	 * @param field dotted path of the offending field ({@code team.engineers},
	 * {@code product.features[0]}), or {@value #ROOT} for the body itself
	 * @param message what is wrong, for a person
	 */
	public record Violation(String field, String message) {

	}

	/**
	 * The body is not JSON this API reads: not UTF-8, not well-formed, duplicate keys.
	 */
	public static final class MalformedJsonException extends RuntimeException {

		private final Violation violation;

		MalformedJsonException(String field, String message) {
			super(field + " " + message);
			this.violation = new Violation(field, message);
		}

		public Violation violation() {
			return this.violation;
		}

	}

	/**
	 * The body as a JSON tree.
	 * @param body the bytes as received; empty or {@code null} when there were none
	 * @param contentType the request's content type, whose charset, if any, must be UTF-8
	 * @return the tree, {@code null} for an empty body
	 * @throws UnsupportedMediaTypeStatusException for a type other than JSON or a charset
	 * other than UTF-8 (415)
	 * @throws MalformedJsonException naming where the body breaks JSON (400)
	 */
	public static @Nullable JsonNode read(byte @Nullable [] body, @Nullable MediaType contentType) {
		requireJson(contentType);
		if (body == null || body.length == 0) {
			return null;
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new MalformedJsonException(ROOT, "is not UTF-8 text; JSON is exchanged in UTF-8 (RFC 8259)");
		}
		if (text.startsWith("\uFEFF")) {
			throw new MalformedJsonException(ROOT, "starts with a byte order mark; send UTF-8 JSON without one");
		}
		if (text.indexOf('\0') >= 0) {
			throw new MalformedJsonException(ROOT,
					"has NUL bytes, as UTF-16 or UTF-32 text has; JSON is exchanged in UTF-8 (RFC 8259)");
		}
		try {
			return STRICT.readTree(text);
		}
		catch (JacksonException ex) {
			throw new MalformedJsonException(fieldOf(ex), describe(ex));
		}
	}

	/**
	 * Every string and property name in the tree that a JSON store cannot keep as sent:
	 * {@code U+0000}, which Postgres {@code jsonb} refuses, and lone UTF-16 surrogates,
	 * which no UTF-8 encoder can write (they turn into {@code ?}).
	 */
	public static List<Violation> unstorableText(@Nullable JsonNode tree) {
		List<Violation> violations = new ArrayList<>();
		collectUnstorable(tree, "", violations);
		return violations;
	}

	/**
	 * The properties of {@code object} that are not among {@code known}, each named with
	 * its path and, when one known name is close, "did you mean".
	 * @param object a JSON object (anything else has no fields to check)
	 * @param path the object's own dotted path, empty for the body
	 * @param known the field names the contract defines at this level
	 */
	public static List<Violation> unknownFields(@Nullable JsonNode object, String path, Collection<String> known) {
		List<Violation> violations = new ArrayList<>();
		if (object == null || !object.isObject()) {
			return violations;
		}
		for (String name : object.propertyNames()) {
			if (!known.contains(name)) {
				String suggestion = nearest(name, known).map((near) -> "; did you mean '" + near + "'?")
					.orElse("; the fields here are " + String.join(", ", known));
				violations.add(new Violation(child(path, name), "is not a field of this request" + suggestion));
			}
		}
		return violations;
	}

	/**
	 * The known name a misspelt one most likely meant: the same letters in another case
	 * or with other separators, the singular of a plural ({@code salary} for
	 * {@code salaries}), a prefix ({@code budget} for {@code budgetUsd}) or within a
	 * small edit distance.
	 */
	public static Optional<String> nearest(String name, Collection<String> known) {
		String wanted = normalized(name);
		if (wanted.isEmpty()) {
			return Optional.empty();
		}
		// two edits catch a swapped pair of letters ("form" for "from") in all but the
		// shortest names
		int tolerance = (wanted.length() <= 3) ? 1 : Math.max(2, wanted.length() / 4);
		return known.stream()
			.map((candidate) -> Map.entry(candidate, closeness(wanted, normalized(candidate), tolerance)))
			.filter((entry) -> entry.getValue() >= 0)
			.min(Comparator.comparingInt(Map.Entry::getValue))
			.map(Map.Entry::getKey);
	}

	/** The dotted path of a property of the object at {@code path}. */
	public static String child(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	/** How far apart two normalised names are; -1 if too far to suggest. */
	private static int closeness(String wanted, String candidate, int tolerance) {
		if (wanted.equals(candidate)) {
			return 0;
		}
		if (singular(wanted).equals(singular(candidate))) {
			return 1;
		}
		int minimumPrefix = 4;
		if ((candidate.startsWith(wanted) && wanted.length() >= minimumPrefix)
				|| (wanted.startsWith(candidate) && candidate.length() >= minimumPrefix)) {
			return 1;
		}
		int distance = DISTANCE.apply(wanted, candidate);
		return (distance <= tolerance) ? 1 + distance : -1;
	}

	/**
	 * A normalised name without an English plural ending: {@code salaries} and
	 * {@code salary} differ by three edits, too many to suggest on distance alone.
	 */
	private static String singular(String name) {
		if (name.length() > 4 && name.endsWith("ies")) {
			return name.substring(0, name.length() - 3) + "y";
		}
		if (name.length() > 3 && name.endsWith("s") && !name.endsWith("ss")) {
			return name.substring(0, name.length() - 1);
		}
		return name;
	}

	private static String normalized(String name) {
		StringBuilder letters = new StringBuilder();
		name.codePoints().filter(Character::isLetterOrDigit).forEach(letters::appendCodePoint);
		return letters.toString().toLowerCase(Locale.ROOT);
	}

	private static void requireJson(@Nullable MediaType contentType) {
		List<MediaType> supported = List.of(MediaType.APPLICATION_JSON);
		if (contentType == null) {
			return;
		}
		if (!MediaType.APPLICATION_JSON.isCompatibleWith(contentType) || contentType.isWildcardSubtype()) {
			throw new UnsupportedMediaTypeStatusException(contentType, supported);
		}
		Charset charset;
		try {
			charset = contentType.getCharset();
		}
		catch (IllegalArgumentException ex) {
			throw new UnsupportedMediaTypeStatusException(contentType, supported);
		}
		if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
			throw new UnsupportedMediaTypeStatusException(contentType, supported);
		}
	}

	private static void collectUnstorable(@Nullable JsonNode node, String path, List<Violation> violations) {
		if (node == null) {
			return;
		}
		if (node.isString()) {
			problemOf(node.asString()).ifPresent((problem) -> violations.add(new Violation(nameOf(path), problem)));
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String childPath = child(path, property.getKey());
				problemOf(property.getKey()).ifPresent(
						(problem) -> violations.add(new Violation(nameOf(childPath), "has a name that " + problem)));
				collectUnstorable(property.getValue(), childPath, violations);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectUnstorable(node.get(i), path + "[" + i + "]", violations);
			}
		}
	}

	private static String nameOf(String path) {
		return path.isEmpty() ? ROOT : path;
	}

	private static Optional<String> problemOf(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return Optional.of("must not contain the NUL character (U+0000)");
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return Optional.of("must be valid Unicode: it has a lone surrogate (U+"
						+ Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")");
			}
		}
		return Optional.empty();
	}

	/** Where the parser was: the property or element it was reading. */
	private static String fieldOf(JacksonException ex) {
		if (ex.processor() instanceof JsonParser parser) {
			String path = dotted(parser.streamReadContext().pathAsPointer().toString());
			return path.isEmpty() ? ROOT : path;
		}
		return ROOT;
	}

	/**
	 * {@code /team/engineers} as {@code team.engineers}, {@code /a/0} as {@code a[0]}.
	 */
	private static String dotted(String pointer) {
		StringBuilder path = new StringBuilder();
		for (String segment : pointer.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			String name = segment.replace("~1", "/").replace("~0", "~");
			if (name.chars().allMatch(Character::isDigit)) {
				path.append('[').append(name).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(name);
			}
		}
		return path.toString();
	}

	private static String describe(JacksonException ex) {
		String where = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
				? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
		if (ex instanceof StreamConstraintsException) {
			return "is beyond the limits of this API (nesting depth, length of a number, string or name)" + where;
		}
		String message = (ex.getOriginalMessage() != null) ? ex.getOriginalMessage() : "";
		int newline = message.indexOf('\n');
		message = (newline > 0) ? message.substring(0, newline) : message;
		if (message.isBlank() || INTERNAL_WORDING.matcher(message).find()) {
			return "is not valid JSON" + where;
		}
		return "is not valid JSON: " + message.strip() + where;
	}

}
