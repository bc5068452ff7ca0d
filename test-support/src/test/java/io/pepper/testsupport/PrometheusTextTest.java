package io.pepper.testsupport;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class PrometheusTextTest {

	private static final String GOOD = """
			# HELP jvm_threads_live_threads no rules for what is not Pepper's
			# TYPE jvm_threads_live_threads gauge
			jvm_threads_live_threads 12.0
			# HELP pepper_check_up Whether the endpoint is up
			# TYPE pepper_check_up gauge
			pepper_check_up{endpoint_name="Shop \\"EU\\"",location="eu-west"} 1.0
			pepper_check_up{endpoint_name="Shop",location="us-east"} 0.0
			# HELP pepper_delivery_delivered_total Deliveries
			# TYPE pepper_delivery_delivered_total counter
			pepper_delivery_delivered_total{queue="a"} 3.0
			""";

	@Test
	void acceptsWellFormedFamiliesAndKeepsOnlyPeppers() {
		assertThat(PrometheusText.problems(GOOD)).isEmpty();
		assertThat(PrometheusText.pepperFamilies(GOOD)).doesNotContain("jvm_").contains("pepper_check_up{");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					@ HELP pepper_x_total X\\n@ TYPE pepper_x_total gauge\\npepper_x_total 1   | pepper_x_total non-counter metrics should not have "_total" suffix
					@ HELP pepper_x X\\n@ TYPE pepper_x counter\\npepper_x 1                   | pepper_x counter metrics should have "_total" suffix
					@ TYPE pepper_x gauge\\npepper_x 1                                       | pepper_x has no HELP line before its samples
					@ HELP pepper_x X\\npepper_x 1                                           | pepper_x has no TYPE line before its samples
					@ HELP pepper_x_milliseconds X\\n@ TYPE pepper_x_milliseconds gauge\\npepper_x_milliseconds 1 | pepper_x_milliseconds use base unit instead of "milliseconds"
					@ HELP pepper_x X\\n@ TYPE pepper_x gauge\\npepper_x{a="1"} 1\\npepper_x{a="1"} 2 | pepper_x repeats the series {a="1"}
					@ HELP pepper_x X\\n@ TYPE pepper_x gauge\\npepper_x{a=1} 1                | pepper_x has malformed labels {a=1}
					@ HELP pepper_x X\\n@ TYPE pepper_x gauge\\npepper_x one                   | pepper_x has the value 'one', not a number
					@ HELP pepper_x X\\n@ TYPE pepper_x gauge\\npepper_x{__a="1"} 1            | pepper_x uses the reserved label name __a
					""")
	void namesWhatIsWrong(String exposition, String problem) {
		// "@" stands for "#", which starts a comment in CSV sources.
		String text = exposition.replace("\\n", "\n").replace("@ ", "# ") + "\n";
		assertThat(PrometheusText.problems(text)).containsExactly(problem);
	}

	@Test
	void promtoolAgreesOnGoodAndBadFamilies() {
		Optional<Path> promtool = PrometheusText.promtool();
		if (promtool.isEmpty()) {
			if (PrometheusText.promtoolRequired()) {
				fail("promtool is required here (" + PrometheusText.REQUIRE_PROMTOOL + ") but not on the PATH");
			}
			return;
		}
		assertThat(PrometheusText.promtoolProblems(promtool.get(), GOOD)).isEmpty();
		String bad = "# HELP pepper_x X\n# TYPE pepper_x counter\npepper_x 1\n";
		assertThat(PrometheusText.promtoolProblems(promtool.get(), bad)).anySatisfy(
				(line) -> assertThat(line).contains("pepper_x").contains("counter metrics should have \"_total\""));
	}

}
