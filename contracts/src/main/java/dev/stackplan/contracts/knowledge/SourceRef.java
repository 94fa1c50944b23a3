package dev.stackplan.contracts.knowledge;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a fact comes from: {@code article:LINE} or {@code article:FROM-TO} (1-based lines
 * of the source article, saying what those lines say), {@code inference:LINE} or
 * {@code inference:FROM-TO} (a conclusion the knowledge base draws from those lines,
 * which the lines do not state), {@code assumption:ID} (declared in a document's
 * {@code assumptions}) or {@code reference:ID} (a published figure declared in a
 * document's {@code references}).
 *
 * @param kind article, assumption or reference
 * @param id the line range or the declared id
 */
public record SourceRef(Kind kind, String id) {

	private static final Pattern FORM = Pattern.compile("(article|inference|assumption|reference):([A-Za-z0-9._-]+)");

	private static final Pattern LINES = Pattern.compile("(\\d+)(?:-(\\d+))?");

	public enum Kind {

		ARTICLE, INFERENCE, ASSUMPTION, REFERENCE

	}

	/** Parses a source string; throws on anything outside the three forms. */
	public static SourceRef parse(String source) {
		Matcher form = FORM.matcher(source);
		if (!form.matches()) {
			throw new IllegalArgumentException("Not a source reference: '" + source + "'");
		}
		SourceRef ref = new SourceRef(Kind.valueOf(form.group(1).toUpperCase(Locale.ROOT)), form.group(2));
		if (ref.citesArticleLines() && !LINES.matcher(ref.id).matches()) {
			throw new IllegalArgumentException(
					"An article or inference source names a line or a line range: '" + source + "'");
		}
		return ref;
	}

	/**
	 * Whether the source names lines of the article: as what they say (article) or as
	 * what is concluded from them (inference).
	 */
	public boolean citesArticleLines() {
		return this.kind == Kind.ARTICLE || this.kind == Kind.INFERENCE;
	}

	/** First article line cited; only for article and inference sources. */
	public int firstLine() {
		Matcher lines = articleLines();
		return Integer.parseInt(lines.group(1));
	}

	/** Last article line cited; only for article and inference sources. */
	public int lastLine() {
		Matcher lines = articleLines();
		return (lines.group(2) != null) ? Integer.parseInt(lines.group(2)) : Integer.parseInt(lines.group(1));
	}

	private Matcher articleLines() {
		if (!citesArticleLines()) {
			throw new IllegalStateException("Not an article or inference source: " + this);
		}
		Matcher lines = LINES.matcher(this.id);
		lines.matches();
		return lines;
	}

	@Override
	public String toString() {
		return this.kind.name().toLowerCase(Locale.ROOT) + ":" + this.id;
	}

}
