package dev.stackplan.contracts.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema of one knowledge document ({@code knowledge/schemas/NAME.schema.json}):
 * its keys ({@code additionalProperties: false}), types, ranges and enums. A document is
 * checked against it when the knowledge base is loaded and again when an engine reads it
 * (a what-if override may have changed it); what a schema cannot say (an id that must
 * exist, a source that must be declared) stays with the engines' readers. A schema may
 * word a refusal itself with a {@code message} keyword, e.g. {@code "message":
 * {"maximum": "a score is a number from 0 to 100"}}.
 */
public final class KnowledgeSchema {

	/** Classpath folder of the document schemas. */
	public static final String FOLDER = KnowledgeBase.ROOT + "schemas/";

	/** Numbers stay exact on the way, so the schema sees the value the engines would. */
	private static final ObjectMapper SCHEMA_JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
		.errorMessageKeyword("message")
		.locale(Locale.ENGLISH)
		.build();

	private final JsonSchema schema;

	private KnowledgeSchema(JsonSchema schema) {
		this.schema = schema;
	}

	/**
	 * The schema of the document the index lists under {@code name}.
	 * @param name {@code frameworks} or {@code cost}
	 * @return its schema
	 */
	public static KnowledgeSchema of(String name) {
		String resource = FOLDER + name + ".schema.json";
		try (InputStream in = KnowledgeSchema.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No schema for the knowledge document '" + name + "': " + resource);
			}
			return new KnowledgeSchema(
					JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, CONFIG));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks a document against this schema.
	 * @param document the document as the caller names it, e.g. {@code cost document}
	 * @param content the document
	 * @throws InvalidKnowledgeException naming the JSON pointer of the first fault in
	 * pointer order
	 */
	public void validate(String document, JsonNode content) {
		Set<ValidationMessage> faults;
		try {
			// the validator reads its own (Jackson 2) trees
			faults = this.schema.validate(SCHEMA_JSON.readTree(content.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		faults.stream().min(Comparator.comparing(KnowledgeSchema::pointerOf)).ifPresent((fault) -> {
			throw new InvalidKnowledgeException(document, pointerOf(fault), problemOf(fault));
		});
	}

	/**
	 * {@code $.fullTime.salaries.MID} as {@code /fullTime/salaries/MID}; a missing or an
	 * unknown property is named by its own path.
	 */
	private static String pointerOf(ValidationMessage fault) {
		StringBuilder pointer = new StringBuilder();
		JsonNodePath location = fault.getInstanceLocation();
		for (int i = 0; i < location.getNameCount(); i++) {
			pointer.append('/').append(location.getElement(i));
		}
		if (fault.getProperty() != null
				&& ("required".equals(fault.getType()) || "additionalProperties".equals(fault.getType()))) {
			pointer.append('/').append(fault.getProperty());
		}
		return pointer.toString();
	}

	/** The schema's wording, with the refused value when it is a single one. */
	private static String problemOf(ValidationMessage fault) {
		if ("required".equals(fault.getType())) {
			return "missing";
		}
		String problem = fault.getError();
		if (!"additionalProperties".equals(fault.getType()) && fault.getInstanceNode() != null
				&& fault.getInstanceNode().isValueNode()) {
			problem += " '" + fault.getInstanceNode().asText() + "'";
		}
		return problem;
	}

}
