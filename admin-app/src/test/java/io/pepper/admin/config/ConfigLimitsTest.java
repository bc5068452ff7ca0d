package io.pepper.admin.config;

import java.time.Duration;

import io.pepper.admin.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchRuntimeException;

class ConfigLimitsTest {

	@Test
	void refusesALineLongerThanTheLimitNamingIt() {
		byte[] document = ("endpoints: []\n" + "#".repeat(ConfigLimits.MAX_LINE + 1) + "\n").getBytes();

		assertThatThrownBy(() -> ConfigLimits.checkLines(document)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("body: line 2 is longer than " + ConfigLimits.MAX_LINE + " bytes");
	}

	@Test
	void acceptsLinesUpToTheLimit() {
		byte[] document = ("endpoints: []\n#" + "x".repeat(ConfigLimits.MAX_LINE - 1)).getBytes();

		ConfigLimits.checkLines(document);
	}

	@Test
	void theParserStopsOnceItsBudgetIsSpent() {
		byte[] document = "endpoints: []\n".repeat(10_000).getBytes();

		RuntimeException stopped = catchRuntimeException(() -> ConfigController.MAPPER
			.readValue(ConfigLimits.withinBudget(document, Duration.ZERO), ConfigDocument.class));

		assertThat(ConfigLimits.budgetSpent(stopped)).as(String.valueOf(stopped)).isTrue();
	}

	@Test
	void aDocumentWithinItsBudgetIsRead() throws Exception {
		byte[] document = "endpoints: []\n".getBytes();

		ConfigDocument read = ConfigController.MAPPER.readValue(ConfigLimits.withinBudget(document),
				ConfigDocument.class);

		assertThat(read).isNotNull();
	}

}
