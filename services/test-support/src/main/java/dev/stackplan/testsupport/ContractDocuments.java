package dev.stackplan.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents that state limits a service also enforces, read as JSON trees so a test
 * can compare the same bound in each: plan-api.yaml, the event schemas and a service's
 * own configuration file.
 */
public final class ContractDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ContractDocuments() {
	}

	/** The public API's OpenAPI document. */
	public static JsonNode planApi() {
		return yaml("openapi/plan-api.yaml");
	}

	/** An event's JSON Schema, by file name: {@code plan-requested.v1.schema.json}. */
	public static JsonNode eventSchema(String fileName) {
		try (InputStream in = open("schemas/" + fileName)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A YAML document on the class path (a service's {@code application.yml}, say). */
	public static JsonNode yaml(String resource) {
		try (InputStream in = open(resource)) {
			Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return JSON.valueToTree(tree);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream open(String resource) {
		InputStream in = ContractDocuments.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Not on the class path: " + resource);
		}
		return in;
	}

}
