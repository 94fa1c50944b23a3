package dev.stackplan.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's settings table says where each setting lives and its default: every row is
 * checked against the yml it names (the key is there, with that default) or against the
 * service-kit record whose {@code @DefaultValue} holds it, and every {@code stackplan}
 * key of every service's yml has its row.
 */
class SettingsTableTests {

	private static final Path SERVICES = Path.of("..");

	private static final List<String> SERVICE_YMLS = List.of("gateway/application.yml", "intake/application.yml",
			"scoring/application.yml", "costing/application.yml");

	private static final Pattern ROW = Pattern
		.compile("^\\| `(stackplan\\.[a-z0-9.-]+)` \\| (`(.*)`|[^|`]+) \\| ([^|]+) \\| `([\\w.]+)` \\| .*\\|$");

	@Test
	void everyRowHoldsInTheYmlItNames() {
		List<Row> rows = rows();
		assertThat(rows).hasSizeGreaterThan(50);
		for (Row row : rows.stream().filter((row) -> row.where().endsWith("yml")).toList()) {
			List<String> ymls = row.where().equals("every service's application.yml") ? SERVICE_YMLS
					: List.of(row.where());
			for (String yml : ymls) {
				Map<String, String> settings = settings(yml);
				assertThat(settings.keySet()).as("%s in %s", row.key(), yml)
					.anyMatch((key) -> key.equals(row.key()) || key.startsWith(row.key() + "[")
							|| key.startsWith(row.key() + "."));
				if (row.defaultValue() != null) {
					assertThat(value(settings, row.key())).as("default of %s in %s", row.key(), yml)
						.isEqualTo(row.defaultValue());
				}
			}
		}
	}

	@Test
	void everyRecordDefaultRowHoldsInTheRecord() throws ClassNotFoundException {
		for (Row row : rows().stream().filter((row) -> row.where().startsWith("@DefaultValue")).toList()) {
			Class<?> record = Class.forName("dev.stackplan.kit." + row.record());
			String component = camel(row.key().substring(row.key().lastIndexOf('.') + 1));
			List<String> components = Arrays.stream(record.getRecordComponents())
				.map(RecordComponent::getName)
				.toList();
			assertThat(components).as("components of %s", row.record()).contains(component);
			DefaultValue declared = record.getDeclaredConstructors()[0].getParameters()[components.indexOf(component)]
				.getAnnotation(DefaultValue.class);
			assertThat(declared).as(row.key()).isNotNull();
			assertThat(declared.value()).as(row.key()).containsExactly(row.defaultValue());
		}
	}

	@Test
	void everySettingOfEveryServiceHasItsRow() {
		List<String> documented = rows().stream().map(Row::key).toList();
		for (String yml : SERVICE_YMLS) {
			assertThat(settings(yml).keySet()
				.stream()
				.filter((key) -> key.startsWith("stackplan."))
				.map((key) -> key.replaceAll("\\[\\d+\\].*$", ""))).as(yml)
				.allMatch(documented::contains, "has a row in the README's settings table");
		}
	}

	private static String value(Map<String, String> settings, String key) {
		if (settings.containsKey(key)) {
			return settings.get(key);
		}
		List<String> items = new ArrayList<>();
		for (int i = 0; settings.containsKey(key + "[" + i + "]"); i++) {
			items.add(settings.get(key + "[" + i + "]"));
		}
		return "[" + String.join(", ", items) + "]";
	}

	private static Map<String, String> settings(String yml) {
		String service = yml.substring(0, yml.indexOf('/'));
		Path file = SERVICES.resolve(service).resolve("src/main/resources/application.yml");
		try {
			Map<String, String> settings = new LinkedHashMap<>();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(yml, new FileSystemResource(file))) {
				EnumerablePropertySource<?> properties = (EnumerablePropertySource<?>) source;
				for (String name : properties.getPropertyNames()) {
					settings.put(name, String.valueOf(properties.getProperty(name)));
				}
			}
			return settings;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Row> rows() {
		try (Stream<String> lines = Files.lines(SERVICES.resolve("../README.md"))) {
			return lines.map(ROW::matcher)
				.filter(Matcher::matches)
				.map((row) -> new Row(row.group(1), row.group(3), row.group(4).strip(), row.group(5)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String camel(String kebab) {
		StringBuilder camel = new StringBuilder();
		for (String part : kebab.split("-")) {
			camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return camel.toString();
	}

	/** One row: its default is null where the table describes it in words. */
	private record Row(String key, String defaultValue, String where, String record) {

	}

}
