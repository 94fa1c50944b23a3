package dev.stackplan.gateway.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stackplan.contracts.knowledge.KnowledgeBase;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every {@code source} of a plan points at, so a reader can see the article line
 * behind a claim rather than its number, and the figures an analyst may change in a
 * scenario. Built once: the knowledge base does not change while the gateway runs.
 */
@RestController
class KnowledgeController {

	static final String ARTICLE = KnowledgeBase.ROOT + "sources/django-vs-fastapi-2026.txt";

	/**
	 * Declarations, not figures: changing one would change no number an engine uses.
	 */
	private static final List<String> NOT_OVERRIDABLE = List.of("assumptions", "references");

	private final KnowledgeView view;

	KnowledgeController(KnowledgeBase knowledge) {
		this.view = KnowledgeView.of(knowledge, articleLines());
	}

	@GetMapping("/api/v1/knowledge")
	KnowledgeView knowledge() {
		return this.view;
	}

	/**
	 * The knowledge a plan cites.
	 *
	 * @param knowledgeVersion the version of the knowledge base these come from
	 * @param article the source article, one entry per line: {@code article:N} is
	 * {@code lines[N-1]}
	 * @param assumptions every declared assumption by id, with its text and reason
	 * @param references every published reference by id, with its text and citation
	 * @param overridable every number of the knowledge base by its override path
	 */
	record KnowledgeView(String knowledgeVersion, Article article, Map<String, JsonNode> assumptions,
			Map<String, JsonNode> references, List<Figure> overridable) {

		static KnowledgeView of(KnowledgeBase knowledge, List<String> lines) {
			Map<String, JsonNode> assumptions = new LinkedHashMap<>();
			Map<String, JsonNode> references = new LinkedHashMap<>();
			JsonNode tree = knowledge.tree();
			for (String document : tree.propertyNames()) {
				tree.path(document)
					.path("assumptions")
					.properties()
					.forEach((e) -> assumptions.put(e.getKey(), e.getValue()));
				tree.path(document)
					.path("references")
					.properties()
					.forEach((e) -> references.put(e.getKey(), e.getValue()));
			}
			List<Figure> figures = new ArrayList<>();
			collectFigures(tree, "", figures);
			return new KnowledgeView(knowledge.version(), new Article("django-vs-fastapi-2026", lines), assumptions,
					references, figures);
		}

		private static void collectFigures(JsonNode node, String path, List<Figure> figures) {
			if (node.isNumber()) {
				figures.add(new Figure(path, node.decimalValue()));
				return;
			}
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> property : node.properties()) {
					if (!NOT_OVERRIDABLE.contains(property.getKey())) {
						collectFigures(property.getValue(),
								path.isEmpty() ? property.getKey() : path + "/" + property.getKey(), figures);
					}
				}
			}
		}

	}

	/**
	 * The source article.
	 *
	 * @param name its name
	 * @param lines its lines, the first is line 1
	 */
	record Article(String name, List<String> lines) {

	}

	/**
	 * A number a scenario may override, where a JSON merge patch finds it.
	 *
	 * @param path the property names from the root, joined by {@code /}
	 * @param value its value in the shipped knowledge
	 */
	record Figure(String path, BigDecimal value) {

	}

	private static List<String> articleLines() {
		try (InputStream in = new ClassPathResource(ARTICLE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The source article is missing: " + ARTICLE, ex);
		}
	}

}
