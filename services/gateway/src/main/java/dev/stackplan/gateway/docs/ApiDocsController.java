package dev.stackplan.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the public API's OpenAPI document, the one in {@code contracts/}, as JSON at
 * {@code /v3/api-docs}, and a Swagger UI over it at {@code /docs}. The document is the
 * contract; a test proves every operation it names is served here, and nothing more.
 */
@RestController
class ApiDocsController {

	static final String CONTRACT = "openapi/plan-api.yaml";

	private final Map<String, Object> openApi = load();

	@GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> apiDocs() {
		return this.openApi;
	}

	@GetMapping("/docs")
	ResponseEntity<ClassPathResource> docs() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(new ClassPathResource("docs/index.html"));
	}

	private static Map<String, Object> load() {
		try (InputStream in = new ClassPathResource(CONTRACT).getInputStream()) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The OpenAPI contract is missing: " + CONTRACT, ex);
		}
	}

}
