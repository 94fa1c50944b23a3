package dev.stackplan.contracts.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citation of the article holds: every {@code article:LINE} and {@code inference:LINE}
 * carries, beside its paraphrase, the article's own words it rests on ({@code quote}),
 * and those words are in the cited lines. A quote may skip words with " … "; its pieces
 * must then appear in that order.
 */
class CitationQuotesTests {

	/** Where a quote leaves words of the line out. */
	private static final String ELLIPSIS = " … ";

	/**
	 * Quotation marks and apostrophes differ between a quote written in JSON and the
	 * article's typography; they carry no words.
	 */
	private static final Pattern QUOTATION_MARKS = Pattern.compile("[\"'“”‘’]");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	@Test
	void everyArticleOrInferenceCitationQuotesWordsThatAreInItsLines() throws IOException {
		List<String> article = KnowledgeSourcesTests.articleLines();
		List<Citation> citations = citations(KnowledgeBase.load().tree(), "");

		assertThat(citations).hasSizeGreaterThan(100);
		List<String> failures = new ArrayList<>();
		for (Citation citation : citations) {
			if (citation.quote() == null || citation.quote().isBlank()) {
				failures.add(citation.pointer() + " cites " + citation.source() + " without quoting it");
				continue;
			}
			String lines = normalised(
					String.join(" ", article.subList(citation.source().firstLine() - 1, citation.source().lastLine())));
			int from = 0;
			for (String piece : citation.quote().split(ELLIPSIS)) {
				int at = lines.indexOf(normalised(piece), from);
				if (at < 0) {
					failures.add(citation.pointer() + ": " + citation.source() + " does not say '" + piece + "'");
					break;
				}
				from = at + normalised(piece).length();
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aQuoteNotInTheCitedLineIsCaught() throws IOException {
		List<String> article = KnowledgeSourcesTests.articleLines();
		// the example: the heavy-admin surplus is article:47's, not article:42's
		String line42 = normalised(article.get(42 - 1));

		assertThat(line42).doesNotContain(normalised("more if you used the admin heavily"));
		assertThat(normalised(article.get(47 - 1))).contains(normalised("more if you used the admin heavily"));
	}

	@Test
	void onlyArticleAndInferenceCitationsCarryAQuote() {
		List<String> misplaced = new ArrayList<>();
		collectMisplacedQuotes(KnowledgeBase.load().tree(), "", misplaced);

		assertThat(misplaced).isEmpty();
	}

	@Test
	void thePackDisclosesThatTheArticleIsTheVendors() {
		JsonNode disclosure = KnowledgeBase.load().document("frameworks").path("sourceDisclosure");
		String provider = KnowledgeBase.load()
			.document("cost")
			.path("onDemand")
			.path("provider")
			.path("name")
			.asString();

		assertThat(disclosure.path("text").asString()).contains(provider, "vendor");
		assertThat(KnowledgeBase.load()
			.document("cost")
			.path("assumptions")
			.path("VENDOR_IS_THE_ONLY_ON_DEMAND_SOURCE")
			.path("text")
			.asString()).contains(provider);
	}

	/**
	 * The citations the audit found stretched, each now either saying what its line says
	 * or labelled an inference of it.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					/frameworks/rules/MIGRATE_FASTAPI_TO_DJANGO                   | article:42   | admin is used heavily
					/frameworks/factors/HIRING_POOL/evidence/DJANGO                | article:15   | two-week contractor search
					/frameworks/rules/THROUGHPUT_MATTERS_AT_SCALE                  | inference:5  | At scale the 3-4x throughput gap is real and it matters.
					/frameworks/rules/THROUGHPUT_INVISIBLE_AT_STARTUP_SCALE        | inference:46 | between the frameworks is invisible
					/frameworks/rules/HYBRID_NEEDS_A_SENIOR_AT_THE_BOUNDARY        | inference:36 | needs a senior engineer who can own the boundary; the team has none
					/frameworks/weightModifiers/SMALL_TEAM_HIRING | inference:15 | for a two-week contract
					/frameworks/weightModifiers/JUNIOR_TEAM_RAILS | inference:39 | Without a senior, an agent
					/frameworks/weightModifiers/BILLING_IS_PRODUCT_DATA            | inference:2  | users and billing are product work, carried by the ORM
					/cost/staffing/DJANGO/roles/MIGRATION_FROM_FASTAPI             | article:42   | a quarter of work for one engineer
					""")
	void aStretchedCitationNowSaysWhatItsLineSaysOrIsLabelledAnInference(String pointer, String source,
			String stretchedWords) {
		JsonNode cited = KnowledgeBase.load().tree().at(pointer);
		String text = cited.has("text") ? cited.path("text").asString() : cited.path("reason").asString();

		assertThat(cited.path("source").asString()).isEqualTo(source);
		assertThat(text).doesNotContain(stretchedWords);
	}

	@Test
	void theUnder100RpsRuleIsOnlyForProductsTheArticleSaysItOf() {
		JsonNode when = KnowledgeBase.load()
			.tree()
			.at("/frameworks/rules/THROUGHPUT_INVISIBLE_AT_STARTUP_SCALE/when/kindIn");

		assertThat(when.valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrder("SAAS", "MARKETPLACE",
				"CMS", "INTERNAL_TOOL");
	}

	private static List<Citation> citations(JsonNode node, String pointer) {
		List<Citation> citations = new ArrayList<>();
		if (node.isObject()) {
			JsonNode source = node.get("source");
			if (source != null && source.isString()) {
				SourceRef ref = SourceRef.parse(source.asString());
				if (ref.citesArticleLines()) {
					citations.add(new Citation(pointer, ref, node.path("quote").asString(null)));
				}
			}
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				citations.addAll(citations(property.getValue(), pointer + "/" + property.getKey()));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				citations.addAll(citations(node.get(i), pointer + "/" + i));
			}
		}
		return citations;
	}

	private static void collectMisplacedQuotes(JsonNode node, String pointer, List<String> misplaced) {
		if (node.isObject()) {
			if (node.has("quote") && !(node.path("source").isString()
					&& SourceRef.parse(node.path("source").asString()).citesArticleLines())) {
				misplaced.add(pointer);
			}
			node.properties()
				.forEach((property) -> collectMisplacedQuotes(property.getValue(), pointer + "/" + property.getKey(),
						misplaced));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectMisplacedQuotes(node.get(i), pointer + "/" + i, misplaced);
			}
		}
	}

	private static String normalised(String text) {
		String unquoted = QUOTATION_MARKS.matcher(text).replaceAll("");
		return WHITESPACE.matcher(unquoted).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
	}

	private record Citation(String pointer, SourceRef source, String quote) {

	}

}
