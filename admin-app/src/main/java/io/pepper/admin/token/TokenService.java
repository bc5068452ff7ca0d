package io.pepper.admin.token;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.pepper.admin.secret.Masks;
import io.pepper.admin.web.NotFoundException;
import io.pepper.contracts.auth.BearerTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and revokes personal API tokens and probe tokens. A token is 32 random bytes,
 * shown once; only its SHA-256 digest and last characters are kept.
 */
@Service
public class TokenService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokens apiTokens;

	private final ProbeTokens probeTokens;

	TokenService(ApiTokens apiTokens, ProbeTokens probeTokens) {
		this.apiTokens = apiTokens;
		this.probeTokens = probeTokens;
	}

	@Transactional
	public Issued<ApiToken> issueApiToken(ApiCaller caller, String name) {
		return issueApiToken(caller.userId(), caller.organizationId(), name);
	}

	/**
	 * A personal token of {@code userId}, acting in {@code organizationId} with their
	 * role there.
	 */
	@Transactional
	public Issued<ApiToken> issueApiToken(UUID userId, UUID organizationId, String name) {
		String token = "pep_" + random();
		ApiToken saved = this.apiTokens.saveAndFlush(
				new ApiToken(userId, organizationId, BearerTokens.sha256Hex(token), name, Masks.secret(token)));
		return new Issued<>(saved, token);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> apiTokens(ApiCaller caller) {
		return apiTokens(caller.userId(), caller.organizationId());
	}

	@Transactional(readOnly = true)
	public List<ApiToken> apiTokens(UUID userId, UUID organizationId) {
		return this.apiTokens.findByUserIdAndOrganizationIdOrderByCreatedAt(userId, organizationId);
	}

	@Transactional
	public void revokeApiToken(ApiCaller caller, UUID id) {
		revokeApiToken(caller.userId(), caller.organizationId(), id);
	}

	/** Revokes one of the user's own tokens; anyone else's is not found. */
	@Transactional
	public ApiToken revokeApiToken(UUID userId, UUID organizationId, UUID id) {
		ApiToken token = this.apiTokens.findByIdAndUserIdAndOrganizationId(id, userId, organizationId)
			.orElseThrow(() -> new NotFoundException("No API token " + id));
		this.apiTokens.delete(token);
		return token;
	}

	@Transactional
	public Issued<ProbeToken> issueProbeToken(UUID organizationId, String name) {
		String token = "pepprobe_" + random();
		ProbeToken saved = this.probeTokens
			.saveAndFlush(new ProbeToken(organizationId, name, BearerTokens.sha256Hex(token), Masks.secret(token)));
		return new Issued<>(saved, token);
	}

	@Transactional(readOnly = true)
	public List<ProbeToken> probeTokens(UUID organizationId) {
		return this.probeTokens.findByOrganizationIdOrderByCreatedAt(organizationId);
	}

	@Transactional
	public ProbeToken revokeProbeToken(UUID organizationId, UUID id) {
		ProbeToken token = this.probeTokens.findByIdAndOrganizationId(id, organizationId)
			.orElseThrow(() -> new NotFoundException("No probe token " + id));
		this.probeTokens.delete(token);
		return token;
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A token just made: the stored record and the token itself, shown this once.
	 *
	 * @param <T> the kind of token
	 * @param stored what is stored
	 * @param token the plaintext token
	 */
	public record Issued<T>(T stored, String token) {

	}

}
