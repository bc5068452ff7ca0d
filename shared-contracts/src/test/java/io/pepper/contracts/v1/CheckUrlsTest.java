package io.pepper.contracts.v1;

import java.util.List;

import io.pepper.testsupport.CheckUrlCases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The target rule of each kind, from the table admin-app is tested against too. */
class CheckUrlsTest {

	static List<Object[]> kinds() {
		return CheckUrlCases.OTHER_KINDS.stream().map((c) -> new Object[] { c }).toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("kinds")
	void eachKindAcceptsItsOwnTargetsAndNamesWhatIsWrongWithOthers(CheckUrlCases.KindCase c) {
		var problem = CheckUrls.problem(CheckKind.valueOf(c.kind()), c.url());
		if (c.accepted()) {
			assertThat(problem).isEmpty();
		}
		else {
			assertThat(problem).hasValueSatisfying((text) -> assertThat(text).contains(c.refusal()));
		}
	}

}
