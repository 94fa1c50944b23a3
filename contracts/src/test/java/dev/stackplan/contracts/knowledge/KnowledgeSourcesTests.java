package dev.stackplan.contracts.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every figure and rule the engines use can be traced to a line of the article or a
 * declared assumption.
 */
class KnowledgeSourcesTests {

	static final String ARTICLE = KnowledgeBase.ROOT + "sources/django-vs-fastapi-2026.txt";

	@Test
	void everySourceResolvesToANonBlankArticleLineOrADeclaredAssumptionOrReference() throws IOException {
		KnowledgeBase knowledge = KnowledgeBase.load();
		List<String> article = articleLines();
		Set<String> assumptions = declared(knowledge, "assumptions");
		Set<String> references = declared(knowledge, "references");

		List<Map.Entry<String, String>> sources = KnowledgeSources.of(knowledge.tree());

		assertThat(sources).isNotEmpty();
		for (Map.Entry<String, String> source : sources) {
			SourceRef ref = SourceRef.parse(source.getValue());
			switch (ref.kind()) {
				case ARTICLE, INFERENCE -> {
					assertThat(ref.firstLine()).as(source.getKey()).isBetween(1, ref.lastLine());
					assertThat(ref.lastLine()).as(source.getKey()).isLessThanOrEqualTo(article.size());
					for (int line = ref.firstLine(); line <= ref.lastLine(); line++) {
						assertThat(article.get(line - 1)).as("%s cites article line %d", source.getKey(), line)
							.isNotBlank();
					}
				}
				case ASSUMPTION -> assertThat(assumptions).as(source.getKey()).contains(ref.id());
				case REFERENCE -> assertThat(references).as(source.getKey()).contains(ref.id());
			}
		}
	}

	@Test
	void everyDeclaredAssumptionSaysWhy() {
		KnowledgeBase knowledge = KnowledgeBase.load();
		for (String document : knowledge.tree().propertyNames()) {
			for (Map.Entry<String, JsonNode> assumption : knowledge.document(document)
				.path("assumptions")
				.properties()) {
				assertThat(assumption.getValue().path("text").asString()).as(assumption.getKey()).isNotBlank();
				assertThat(assumption.getValue().path("reason").asString()).as(assumption.getKey()).isNotBlank();
			}
		}
	}

	@Test
	void theShippedArticleIsTheSharedSourceLineForLine() throws IOException {
		Path shared = Path.of("../../shared/source/django-vs-fastapi-2026.txt");
		assumeThat(shared).as("the shared source beside the project").exists();

		assertThat(articleLines()).isEqualTo(Files.readAllLines(shared, StandardCharsets.UTF_8));
	}

	static List<String> articleLines() throws IOException {
		try (InputStream in = KnowledgeSourcesTests.class.getClassLoader().getResourceAsStream(ARTICLE)) {
			assertThat(in).as(ARTICLE).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

	private static Set<String> declared(KnowledgeBase knowledge, String section) {
		Set<String> ids = new HashSet<>();
		for (String document : knowledge.tree().propertyNames()) {
			ids.addAll(knowledge.document(document).path(section).propertyNames());
		}
		return ids;
	}

}
