package io.pepper.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for which answers are sent again. */
class VerdictTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "200, DELIVERED", "201, DELIVERED", "202, DELIVERED", "204, DELIVERED", "0, RETRY", "408, RETRY",
			"429, RETRY", "500, RETRY", "502, RETRY", "503, RETRY", "504, RETRY", "400, SET_ASIDE", "401, SET_ASIDE",
			"403, SET_ASIDE", "404, SET_ASIDE", "409, SET_ASIDE", "410, SET_ASIDE", "413, SET_ASIDE", "415, SET_ASIDE",
			"422, SET_ASIDE", "301, SET_ASIDE", "302, SET_ASIDE", "304, SET_ASIDE", "101, SET_ASIDE" })
	void retriesOnlyWhatTheServiceCouldTakeLater(int status, Verdict verdict) {
		assertThat(Verdict.of(status)).isEqualTo(verdict);
	}

}
