package io.pepper.admin.secret;

import java.util.Map;

import io.pepper.admin.AdminProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretBoxTest {

	static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	static final String KEY_B = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

	@Test
	void sealsWithARandomIvAndTheKeyIdInFront() {
		SecretBox box = box(KEY_A, "k1", Map.of());
		String one = box.seal("https://hooks.slack.com/services/T/B/X", "channel:1:url");
		String two = box.seal("https://hooks.slack.com/services/T/B/X", "channel:1:url");

		assertThat(one).startsWith("k1:").isNotEqualTo(two).doesNotContain("hooks");
		assertThat(box.open(one, "channel:1:url")).isEqualTo("https://hooks.slack.com/services/T/B/X");
	}

	@Test
	void aWrongKeyFailsClearlyNamingTheKey() {
		String sealed = box(KEY_A, "k1", Map.of()).seal("secret", "channel:1:url");

		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> box(KEY_B, "k1", Map.of()).open(sealed, "channel:1:url"))
			.withMessageContaining("channel:1:url")
			.withMessageContaining("key 'k1' does not decrypt it");
	}

	@Test
	void aCiphertextMovedToAnotherChannelDoesNotDecrypt() {
		SecretBox box = box(KEY_A, "k1", Map.of());
		String sealed = box.seal("secret", "channel:1:url");

		assertThatExceptionOfType(SecretUnreadableException.class).isThrownBy(() -> box.open(sealed, "channel:2:url"));
	}

	@Test
	void rotatedKeysStillOpenOlderCiphertexts() {
		String old = box(KEY_A, "k1", Map.of()).seal("secret", "c");
		SecretBox rotated = box(KEY_B, "k2", Map.of("k1", KEY_A));

		assertThat(rotated.open(old, "c")).isEqualTo("secret");
		assertThat(rotated.seal("secret", "c")).startsWith("k2:");
		assertThatExceptionOfType(SecretUnreadableException.class)
			.isThrownBy(() -> box(KEY_B, "k2", Map.of()).open(old, "c"))
			.withMessageContaining("key 'k1' is not configured");
	}

	@Test
	void withoutAKeyNothingCanBeSealed() {
		SecretBox box = new SecretBox(new AdminProperties.Secrets(null, "k1", Map.of()));
		assertThat(box.canSeal()).isFalse();
		assertThatExceptionOfType(SecretsNotConfiguredException.class).isThrownBy(() -> box.seal("x", "c"));
	}

	@Test
	void rejectsKeysThatAreNot32Bytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> box("c2hvcnQ=", "k1", Map.of()))
			.withMessage("pepper.admin.secrets.key must be base64 of 32 random bytes but has 5 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> box("not base64!", "k1", Map.of()))
			.withMessageStartingWith("pepper.admin.secrets.key must be base64 of 32 random bytes");
	}

	private static SecretBox box(String key, String id, Map<String, String> previous) {
		return new SecretBox(new AdminProperties.Secrets(key, id, previous));
	}

}
