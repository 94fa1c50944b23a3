package dev.stackplan.contracts.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SourceRefTests {

	@Test
	void anArticleRangeNamesItsFirstAndLastLine() {
		SourceRef ref = SourceRef.parse("article:35-36");

		assertThat(ref.kind()).isEqualTo(SourceRef.Kind.ARTICLE);
		assertThat(ref.firstLine()).isEqualTo(35);
		assertThat(ref.lastLine()).isEqualTo(36);
		assertThat(ref).hasToString("article:35-36");
	}

	@Test
	void anAssumptionNamesItsId() {
		assertThat(SourceRef.parse("assumption:WEEKS_PER_YEAR"))
			.isEqualTo(new SourceRef(SourceRef.Kind.ASSUMPTION, "WEEKS_PER_YEAR"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "article", "article:", "article:x", "blog:12", "assumption:", "article:12 " })
	void anythingElseIsRejected(String source) {
		assertThatIllegalArgumentException().isThrownBy(() -> SourceRef.parse(source));
	}

}
