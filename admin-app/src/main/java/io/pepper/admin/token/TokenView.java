package io.pepper.admin.token;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A token as the API shows it; {@code token} only in the answer that made it.
 *
 * @param id the token
 * @param name what it is for
 * @param hint its last characters, masked
 * @param token the token in full, shown once
 * @param createdAt when it was made
 * @param lastUsedAt when it was last used (API tokens), to within minutes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(UUID id, String name, @Nullable String hint, @Nullable String token, Instant createdAt,
		@Nullable Instant lastUsedAt) {

	static TokenView of(ApiToken token, @Nullable String plaintext) {
		return new TokenView(java.util.Objects.requireNonNull(token.getId()), token.getName(), token.getTokenHint(),
				plaintext, token.getCreatedAt(), token.getLastUsedAt());
	}

	static TokenView of(ProbeToken token, @Nullable String plaintext) {
		return new TokenView(java.util.Objects.requireNonNull(token.getId()), token.getName(), token.getTokenHint(),
				plaintext, token.getCreatedAt(), null);
	}

}
