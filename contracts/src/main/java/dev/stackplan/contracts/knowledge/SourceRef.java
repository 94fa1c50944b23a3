package dev.stackplan.contracts.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a fact comes from: {@code article:LINE} or {@code article:FROM-TO} (1-based lines
 * of the source article), {@code assumption:ID} (declared in a document's
 * {@code assumptions}) or {@code reference:ID} (a published figure declared in a
 * document's {@code references}).
 *
 * @param kind article, assumption or reference
 * @param id the line range or the declared id
 */
public record SourceRef(Kind kind, String id) {

	private static final Pattern FORM = Pattern.compile("(article|assumption|reference):([A-Za-z0-9._-]+)");

	private static final Pattern LINES = Pattern.compile("(\\d+)(?:-(\\d+))?");

	public enum Kind {

		ARTICLE, ASSUMPTION, REFERENCE

	}

	/** Parses a source string; throws on anything outside the three forms. */
	public static SourceRef parse(String source) {
		Matcher form = FORM.matcher(source);
		if (!form.matches()) {
			throw new IllegalArgumentException("Not a source reference: '" + source + "'");
		}
		SourceRef ref = new SourceRef(Kind.valueOf(form.group(1).toUpperCase(java.util.Locale.ROOT)), form.group(2));
		if (ref.kind == Kind.ARTICLE && !LINES.matcher(ref.id).matches()) {
			throw new IllegalArgumentException("An article source names a line or a line range: '" + source + "'");
		}
		return ref;
	}

	/** First article line cited; only for article sources. */
	public int firstLine() {
		Matcher lines = articleLines();
		return Integer.parseInt(lines.group(1));
	}

	/** Last article line cited; only for article sources. */
	public int lastLine() {
		Matcher lines = articleLines();
		return (lines.group(2) != null) ? Integer.parseInt(lines.group(2)) : Integer.parseInt(lines.group(1));
	}

	private Matcher articleLines() {
		if (this.kind != Kind.ARTICLE) {
			throw new IllegalStateException("Not an article source: " + this);
		}
		Matcher lines = LINES.matcher(this.id);
		lines.matches();
		return lines;
	}

	@Override
	public String toString() {
		return this.kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.id;
	}

}
