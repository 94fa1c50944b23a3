package dev.stackplan.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.stackplan.kit.ProblemTypes;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages a person opens: the web page (its scripts under {@code /app/}), the README,
 * and one page per problem type, so that every problem's {@code type} URI resolves.
 */
@RestController
class HomeController {

	static final String PROBLEM_CATALOG = "docs/problems.yml";

	private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

	private final Map<String, ProblemPage> problems = load();

	@GetMapping("/")
	ResponseEntity<ClassPathResource> home() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(new ClassPathResource("web/index.html"));
	}

	@GetMapping("/readme")
	ResponseEntity<ClassPathResource> readme() {
		return ResponseEntity.ok().contentType(MARKDOWN).body(new ClassPathResource("docs/README.md"));
	}

	@GetMapping({ ProblemTypes.PREFIX, "/problems" })
	ResponseEntity<String> problemIndex() {
		StringBuilder items = new StringBuilder();
		this.problems.forEach((name, page) -> items.append("<li><a href=\"")
			.append(ProblemTypes.PREFIX)
			.append(name)
			.append("\">")
			.append(HtmlUtils.htmlEscape(name))
			.append("</a>: ")
			.append(HtmlUtils.htmlEscape(page.title()))
			.append("</li>\n"));
		return html("Problem types",
				"<p>Every error of the API is an RFC 9457 problem "
						+ "(<code>application/problem+json</code>) whose <code>type</code> is one of these, "
						+ "or is named after its HTTP status (<code>/problems/not-found</code>).</p>\n<ul>\n" + items
						+ "</ul>");
	}

	@GetMapping(ProblemTypes.PREFIX + "{name}")
	ResponseEntity<String> problem(@PathVariable String name) {
		ProblemPage page = Optional.ofNullable(this.problems.get(name))
			.or(() -> byStatus(name))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return html(page.title(),
				"<p><code>type: " + ProblemTypes.PREFIX + HtmlUtils.htmlEscape(name) + "</code></p>\n<p>"
						+ HtmlUtils.htmlEscape(page.text()) + "</p>\n<p><a href=\"" + ProblemTypes.PREFIX
						+ "\">All problem types</a> · <a href=\"/docs\">API documentation</a></p>");
	}

	/** A status-named problem: {@code method-not-allowed} is 405's page. */
	private static Optional<ProblemPage> byStatus(String name) {
		return Arrays.stream(HttpStatus.values())
			.filter((status) -> status.isError() && ProblemTypes.nameOf(status).equals(name))
			.findFirst()
			.map((status) -> new ProblemPage(status.getReasonPhrase(), "The request was answered with HTTP "
					+ status.value() + " " + status.getReasonPhrase() + "; the problem's detail says why."));
	}

	private static ResponseEntity<String> html(String title, String body) {
		String escaped = HtmlUtils.htmlEscape(title);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + escaped
					+ "</title></head>\n<body>\n<h1>" + escaped + "</h1>\n" + body + "\n</body>\n</html>\n");
	}

	@SuppressWarnings("unchecked")
	static Map<String, ProblemPage> load() {
		try (InputStream in = new ClassPathResource(PROBLEM_CATALOG).getInputStream()) {
			Map<String, Map<String, String>> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			Map<String, ProblemPage> pages = new LinkedHashMap<>();
			raw.forEach((name, page) -> pages.put(name, new ProblemPage(page.get("title"), page.get("text"))));
			return pages;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The problem catalog is missing: " + PROBLEM_CATALOG, ex);
		}
	}

	record ProblemPage(String title, String text) {
	}

}
