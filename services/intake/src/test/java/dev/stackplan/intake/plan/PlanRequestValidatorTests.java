package dev.stackplan.intake.plan;

import java.math.BigDecimal;
import java.util.List;

import dev.stackplan.contracts.profile.ExistingFramework;
import dev.stackplan.contracts.profile.Feature;
import dev.stackplan.contracts.profile.PlanRequest;
import dev.stackplan.contracts.profile.ProductKind;
import dev.stackplan.kit.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlanRequestValidatorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PlanRequestValidator validator = new PlanRequestValidator();

	private static final String VALID = """
			{"product": {"name": "  Acme ", "kind": "saas", "features": ["BILLING", "AUTH", "ADMIN_PANEL", "AUTH"],
			             "expectedRps": 10, "existingFramework": "NONE"},
			 "team": {"engineers": 1, "seniorEngineers": 0}, "timelineWeeks": 12, "budgetUsd": 60000}
			""";

	@Test
	void aValidRequestIsNormalised() {
		PlanRequest request = this.validator.validate(JSON.readTree(VALID));

		assertThat(request.product().name()).isEqualTo("Acme");
		assertThat(request.product().kind()).isEqualTo(ProductKind.SAAS);
		assertThat(request.product().features()).containsExactly(Feature.AUTH, Feature.BILLING, Feature.ADMIN_PANEL);
		assertThat(request.product().existingFramework()).isEqualTo(ExistingFramework.NONE);
		assertThat(request.budgetUsd()).isEqualByComparingTo(new BigDecimal("60000"));
	}

	@Test
	void optionalFieldsGetTheirDefaults() {
		PlanRequest request = this.validator.validate(JSON.readTree("""
				{"product": {"name": "Acme", "kind": "SAAS", "expectedRps": 10},
				 "team": {"engineers": 2}, "timelineWeeks": 12}
				"""));

		assertThat(request.product().features()).isEmpty();
		assertThat(request.product().existingFramework()).isEqualTo(ExistingFramework.NONE);
		assertThat(request.team().seniorEngineers()).isZero();
		assertThat(request.budgetUsd()).isNull();
	}

	@ParameterizedTest(name = "{0} = {1} is rejected naming {2}")
	@CsvSource(delimiter = '|', textBlock = """
			/product/kind              | "BLOCKCHAIN" | product.kind
			/product/kind              | 7            | product.kind
			/product/features          | ["AUTH","X"] | product.features[1]
			/product/features          | "AUTH"       | product.features
			/product/expectedRps       | -1           | product.expectedRps
			/product/expectedRps       | 1.5          | product.expectedRps
			/product/expectedRps       | "ten"        | product.expectedRps
			/product/expectedRps       | 99999999999  | product.expectedRps
			/product/name              | ""           | product.name
			/product/existingFramework | "FLASK"      | product.existingFramework
			/team/engineers            | -2           | team.engineers
			/team/seniorEngineers      | 5            | team.seniorEngineers
			/timelineWeeks             | 0            | timelineWeeks
			/timelineWeeks             | 521          | timelineWeeks
			/budgetUsd                 | -5           | budgetUsd
			/budgetUsd                 | 10.001       | budgetUsd
			/budgetUsd                 | "lots"       | budgetUsd
			/team                      | []           | team
			""")
	void anInvalidFieldIsRejectedByName(String pointer, String value, String field) {
		String body = replace(VALID, pointer, value);

		assertThatExceptionOfType(InvalidPlanRequestException.class)
			.isThrownBy(() -> this.validator.validate(JSON.readTree(body)))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly(field));
	}

	@Test
	void anUnknownEnumValueListsTheAllowedOnes() {
		assertThatExceptionOfType(InvalidPlanRequestException.class)
			.isThrownBy(() -> this.validator.validate(JSON.readTree(replace(VALID, "/product/kind", "\"BLOG\""))))
			.satisfies((ex) -> assertThat(ex.violations().get(0).allowedValues()).containsExactly("SAAS", "MARKETPLACE",
					"CMS", "INTERNAL_TOOL", "PUBLIC_API", "MICROSERVICE", "ML_INFERENCE"));
	}

	@Test
	void everyMissingRequiredFieldIsNamedAtOnce() {
		assertThatExceptionOfType(InvalidPlanRequestException.class)
			.isThrownBy(() -> this.validator.validate(JSON.readTree("{\"product\": {}}")))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(FieldViolation::field)
				.containsExactly("product.name", "product.kind", "product.expectedRps", "team", "timelineWeeks"));
	}

	@Test
	void aBodyThatIsNotAnObjectIsRejected() {
		assertThatExceptionOfType(InvalidPlanRequestException.class)
			.isThrownBy(() -> this.validator.validate(JSON.readTree("[1, 2]")))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("$"));
	}

	@Test
	void assumptionsThatReplaceDocumentedFiguresWithinBoundsAreCarriedAsGiven() {
		PlanRequest request = this.validator.validate(JSON.readTree(replace(VALID, "/assumptions",
				"""
						{"fullTime": {"salaries": {"SENIOR": {"lowUsd": 150000, "highUsd": 200000}}, "loadedMultiplier": {"high": 1.5}},
						 "onDemand": {"tiers": {"MID": {"weeklyUsd": 900}}}}
						""")));

		assertThat(request.assumptions()).isNotNull();
		assertThat(request.assumptions().at("/fullTime/salaries/SENIOR/lowUsd").decimalValue())
			.isEqualByComparingTo("150000");
		assertThat(request.assumptions().at("/fullTime/loadedMultiplier/high").decimalValue())
			.isEqualByComparingTo("1.5");
	}

	@Test
	void noOrEmptyAssumptionsMeanTheDocumentedFigures() {
		assertThat(this.validator.validate(JSON.readTree(VALID)).assumptions()).isNull();
		assertThat(this.validator.validate(JSON.readTree(replace(VALID, "/assumptions", "{}"))).assumptions()).isNull();
	}

	@ParameterizedTest(name = "assumptions {0} is refused naming {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"fullTime": {"salaris": {"SENIOR": {"lowUsd": 1}}}}                  | assumptions.fullTime.salaris                   | did you mean 'salaries'?
					{"fulltime": {"salaries": {"SENIOR": {"lowUsd": 1}}}}                 | assumptions.fulltime                           | did you mean 'fullTime'?
					{"fullTime": {"loadedMultiplier": {"high": 12}}}                       | assumptions.fullTime.loadedMultiplier.high     | maximum value of 10
					{"fullTime": {"loadedMultiplier": {"low": 0.5}}}                       | assumptions.fullTime.loadedMultiplier.low      | minimum value of 1
					{"onDemand": {"tiers": {"SENIOR": {"weeklyUsd": 0}}}}                  | assumptions.onDemand.tiers.SENIOR.weeklyUsd    | exclusive minimum value of 0
					{"fullTime": {"salaries": {"SENIOR": {"lowUsd": 300000}}}}            | assumptions.fullTime.salaries.SENIOR           | is above highUsd 260000
					{"fullTime": {"salaries": {"SENIOR": {"lowUsd": "a lot"}}}}           | assumptions.fullTime.salaries.SENIOR.lowUsd    | must be a number (documented: 180000)
					{"fullTime": {"salaries": {"SENIOR": {"source": "article:1"}}}}       | assumptions.fullTime.salaries.SENIOR.source    | only numbers can be overridden
					{"fullTime": {"salaries": {"SENIOR": null}}}                          | assumptions.fullTime.salaries.SENIOR           | must be an object of documented figures
					[1]                                                                   | assumptions                                    | must be a JSON object
					""")
	void assumptionsOutsideTheDocumentedFiguresOrTheirBoundsAreRefusedNamingTheField(String assumptions, String field,
			String message) {
		String body = replace(VALID, "/assumptions", assumptions);

		assertThatExceptionOfType(InvalidPlanRequestException.class)
			.isThrownBy(() -> this.validator.validate(JSON.readTree(body)))
			.satisfies((ex) -> assertThat(ex.violations()).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo(field);
				assertThat(violation.message()).contains(message);
			}));
	}

	private static String replace(String body, String pointer, String value) {
		var tree = (ObjectNode) JSON.readTree(body);
		List<String> path = List.of(pointer.substring(1).split("/"));
		var parent = tree;
		for (String name : path.subList(0, path.size() - 1)) {
			parent = (ObjectNode) parent.get(name);
		}
		parent.set(path.get(path.size() - 1), JSON.readTree(value));
		return JSON.writeValueAsString(tree);
	}

}
