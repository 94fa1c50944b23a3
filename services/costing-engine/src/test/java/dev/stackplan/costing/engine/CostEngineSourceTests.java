package dev.stackplan.costing.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stackplan.contracts.event.Role;
import dev.stackplan.contracts.event.SourcedText;
import dev.stackplan.contracts.event.StaffingEstimate;
import dev.stackplan.contracts.knowledge.KnowledgeSources;
import dev.stackplan.contracts.knowledge.SourceRef;
import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.Team;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.stackplan.costing.engine.CostFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure can be traced: each source in the document and in every estimate resolves
 * to a non-blank article line or to an assumption or reference the document declares.
 */
class CostEngineSourceTests {

	private static final Pattern CITED = Pattern.compile("(?:article|assumption|reference):[A-Za-z0-9._-]+");

	private static List<String> article;

	private static JsonNode document;

	private static List<StaffingEstimate> estimates;

	@BeforeAll
	static void costEveryKindOfPlan() throws IOException {
		try (InputStream in = CostFixtures.class.getClassLoader().getResourceAsStream(CostFixtures.ARTICLE)) {
			article = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		document = CostFixtures.document();
		estimates = new ArrayList<>();
		CostEngine engine = CostFixtures.engine();
		for (ExistingFramework existing : ExistingFramework.values()) {
			for (Team team : List.of(new Team(0, 0), new Team(1, 1), new Team(4, 1))) {
				estimates.addAll(engine.estimate(
						request(List.of(Feature.values()), existing, team, 6, CostFixtures.usd("40000")),
						CostFixtures.OPTIONS));
				estimates.addAll(engine.estimate(request(List.of(), existing, team, 30, null), CostFixtures.OPTIONS));
			}
		}
	}

	@Test
	void everySourceInTheDocumentResolves() {
		List<Map.Entry<String, String>> sources = KnowledgeSources.of(document);

		assertThat(sources).hasSizeGreaterThan(30);
		sources.forEach((source) -> assertResolves(source.getValue(), source.getKey()));
	}

	@Test
	void everyRoleLineItemAndAssumptionOfEveryEstimateNamesASourceThatResolves() {
		for (StaffingEstimate estimate : estimates) {
			estimate.roles().forEach((role) -> assertResolves(role.source(), role.id()));
			estimate.onDemand().lineItems().forEach((line) -> assertResolves(line.source(), line.item()));
			estimate.fullTime().lineItems().forEach((line) -> assertResolves(line.source(), line.item()));
			estimate.fullTime().assumptions().forEach((text) -> assertResolves(text.source(), text.text()));
			estimate.assumptions().forEach((text) -> assertResolves(text.source(), text.text()));
		}
	}

	@Test
	void everySourceQuotedInsideAReasonOrAnAssumptionResolves() {
		for (StaffingEstimate estimate : estimates) {
			for (Role role : estimate.roles()) {
				quoted(role.reason()).forEach((source) -> assertResolves(source, role.reason()));
			}
		}
		for (String section : List.of("assumptions", "references")) {
			document.path(section)
				.properties()
				.forEach((entry) -> entry.getValue()
					.properties()
					.forEach((field) -> quoted(field.getValue().asString())
						.forEach((source) -> assertResolves(source, section + "/" + entry.getKey()))));
		}
	}

	@Test
	void everyEstimateNamesTheAssumptionsItsFiguresRestOn() {
		for (StaffingEstimate estimate : estimates) {
			Set<String> cited = new HashSet<>();
			estimate.assumptions().forEach((text) -> cited.add(text.source()));
			estimate.roles().forEach((role) -> quoted(role.reason()).forEach(cited::add));
			Set<String> used = new HashSet<>();
			estimate.onDemand().lineItems().forEach((line) -> used.add(line.source()));
			estimate.fullTime().lineItems().forEach((line) -> used.add(line.source()));
			estimate.fullTime().assumptions().forEach((text) -> used.add(text.source()));
			used.removeIf((source) -> source.startsWith("article:"));
			assertThat(cited).as(estimate.option()).containsAll(used);
			assertThat(estimate.assumptions()).extracting(SourcedText::source)
				.contains("assumption:ROUNDING", "assumption:TRIAL_CREDIT", "assumption:WORKING_WEEK",
						"assumption:IN_HOUSE_FILLS_SEATS", "assumption:BREAK_EVEN", "assumption:FIRST_COMMIT_DELAY");
		}
	}

	@Test
	void everyDeclaredAssumptionAndReferenceIsUsedSomewhere() {
		Set<String> cited = new HashSet<>();
		for (StaffingEstimate estimate : estimates) {
			estimate.assumptions().forEach((text) -> cited.add(text.source()));
		}
		document.path("assumptions")
			.properties()
			.forEach((entry) -> quoted(entry.getValue().path("reason").asString()).forEach(cited::add));

		document.path("assumptions")
			.propertyNames()
			.forEach((id) -> assertThat(cited).as("assumption %s is cited", id).contains("assumption:" + id));
		document.path("references")
			.propertyNames()
			.forEach((id) -> assertThat(cited).as("reference %s is cited", id).contains("reference:" + id));
	}

	private static void assertResolves(String source, String where) {
		SourceRef ref = SourceRef.parse(source);
		switch (ref.kind()) {
			case ARTICLE, INFERENCE -> {
				assertThat(ref.firstLine()).as(where).isBetween(1, ref.lastLine());
				assertThat(ref.lastLine()).as(where).isLessThanOrEqualTo(article.size());
				for (int line = ref.firstLine(); line <= ref.lastLine(); line++) {
					assertThat(article.get(line - 1)).as("%s cites article line %d", where, line).isNotBlank();
				}
			}
			case ASSUMPTION -> {
				assertThat(document.path("assumptions").path(ref.id()).path("text").asString()).as(where).isNotBlank();
				assertThat(document.path("assumptions").path(ref.id()).path("reason").asString()).as(where)
					.isNotBlank();
			}
			case REFERENCE -> {
				assertThat(document.path("references").path(ref.id()).path("text").asString()).as(where).isNotBlank();
				assertThat(document.path("references").path(ref.id()).path("citation").asString()).as(where)
					.isNotBlank();
			}
		}
	}

	private static List<String> quoted(String text) {
		List<String> sources = new ArrayList<>();
		Matcher matcher = CITED.matcher(text);
		while (matcher.find()) {
			sources.add(matcher.group());
		}
		return sources;
	}

}
