package io.pepper.admin.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.pepper.contracts.auth.BearerTokens;

import org.springframework.stereotype.Service;

/** Finds who is behind a plaintext bearer token, by its digest. */
@Service
public class TokenAuthenticator {

	/**
	 * Recording every use would turn each read into a write; minutes are precise enough.
	 */
	static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);

	private final ApiTokens apiTokens;

	private final ProbeTokens probeTokens;

	TokenAuthenticator(ApiTokens apiTokens, ProbeTokens probeTokens) {
		this.apiTokens = apiTokens;
		this.probeTokens = probeTokens;
	}

	public Optional<ApiCaller> authenticateApiToken(String token) {
		Optional<ApiCaller> caller = this.apiTokens.findCaller(BearerTokens.sha256Hex(token));
		caller.ifPresent(this::markUsedIfStale);
		return caller;
	}

	public Optional<ProbeCaller> authenticateProbeToken(String token) {
		return this.probeTokens.findCaller(BearerTokens.sha256Hex(token));
	}

	private void markUsedIfStale(ApiCaller caller) {
		Instant now = Instant.now();
		if (caller.lastUsedAt() == null || caller.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
			this.apiTokens.markUsed(caller.tokenId(), now);
		}
	}

}
