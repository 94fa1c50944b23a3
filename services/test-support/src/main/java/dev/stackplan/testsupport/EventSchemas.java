package dev.stackplan.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.stackplan.contracts.topic.PlanEvent;

/**
 * Validates events as they are on the wire against their language-neutral schema in
 * contracts.
 */
public final class EventSchemas {

	private static final ObjectMapper JSON = new ObjectMapper();

	private EventSchemas() {
	}

	/** Every way the JSON breaks the event's schema; empty when it conforms. */
	public static List<String> violations(PlanEvent event, String json) {
		try (InputStream schema = EventSchemas.class.getClassLoader().getResourceAsStream(event.schemaResource())) {
			if (schema == null) {
				throw new IllegalStateException("No schema on the class path: " + event.schemaResource());
			}
			JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
			return validator.validate(JSON.readTree(json)).stream().map(ValidationMessage::getMessage).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
