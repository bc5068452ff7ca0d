package io.pepper.contracts.auth;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTest {

	/** SHA-256 of "test". */
	private static final String TEST_DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	/** SHA-256 of "other". */
	private static final String OTHER_DIGEST = "d9298a10d1b0735837dc4bd85dac641b0f3cef27a47e5d53a54f2f3f5b2fcffa";

	private final BearerTokens tokens = BearerTokens
		.ofDigests(List.of(OTHER_DIGEST, TEST_DIGEST.toUpperCase(Locale.ROOT)));

	@ParameterizedTest
	@ValueSource(strings = { "Bearer test", "bearer test", "BEARER  test ", "Bearer other" })
	void acceptsEveryConfiguredToken(String authorization) {
		assertThat(this.tokens.accepts(authorization)).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "Bearer", "Bearer ", "Bearer tes", "Bearer test2", "Basic dGVzdA==", "test",
			"Bearer " + TEST_DIGEST })
	void rejectsMissingMalformedAndUnknownTokens(String authorization) {
		assertThat(this.tokens.accepts(authorization)).isFalse();
	}

	@Test
	void readsTheTokenOutOfTheHeader() {
		assertThat(BearerTokens.presented("bearer  abc ")).isEqualTo("abc");
		assertThat(BearerTokens.presented("Bearer ")).isNull();
		assertThat(BearerTokens.presented("Basic abc")).isNull();
		assertThat(BearerTokens.presented(null)).isNull();
	}

	@Test
	void acceptsNothingWithoutDigests() {
		assertThat(BearerTokens.ofDigests(List.of()).accepts("Bearer test")).isFalse();
	}

	@Test
	void digestIsLowerCaseHexOfSha256() {
		assertThat(BearerTokens.sha256Hex("test")).isEqualTo(TEST_DIGEST);
	}

}
