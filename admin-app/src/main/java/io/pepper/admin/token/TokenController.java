package io.pepper.admin.token;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.web.RequestChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The caller's own personal API tokens in the current organization, and the
 * organization's probe tokens. A new token is in the 201 answer and never again.
 */
@Tag(name = "Tokens", description = "Personal API tokens and probe tokens")
@RestController
class TokenController {

	static final String API_TOKENS = "/api/v1/tokens";

	static final String PROBE_TOKENS = "/api/v1/probe-tokens";

	private final TokenService tokens;

	private final Validator validator;

	TokenController(TokenService tokens, Validator validator) {
		this.tokens = tokens;
		this.validator = validator;
	}

	@Operation(operationId = "createApiToken", summary = "Issue a personal API token",
			description = "The token is answered in full once, here; afterwards only its hint is shown.")
	@PostMapping(path = API_TOKENS, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenView> createApiToken(@AuthenticationPrincipal ApiCaller caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = TokenRequest.class))) @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		TokenService.Issued<ApiToken> issued = this.tokens.issueApiToken(caller, name(body));
		return ResponseEntity.created(uris.path(API_TOKENS + "/{id}").build(issued.stored().getId()))
			.body(TokenView.of(issued.stored(), issued.token()));
	}

	@Operation(operationId = "listApiTokens", summary = "List your personal API tokens",
			description = "Your personal API tokens, masked, with when each was last used.")
	@GetMapping(API_TOKENS)
	List<TokenView> apiTokens(@AuthenticationPrincipal ApiCaller caller) {
		return this.tokens.apiTokens(caller).stream().map((token) -> TokenView.of(token, null)).toList();
	}

	@Operation(operationId = "revokeApiToken", summary = "Revoke a personal API token",
			description = "The token stops working.")
	@DeleteMapping(API_TOKENS + "/{id}")
	ResponseEntity<Void> revokeApiToken(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		this.tokens.revokeApiToken(caller, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "createProbeToken", summary = "Issue a probe token",
			description = "For owners and admins. The token is answered in full once, here.")
	@PostMapping(path = PROBE_TOKENS, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenView> createProbeToken(@AuthenticationPrincipal ApiCaller caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = TokenRequest.class))) @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		TokenService.Issued<ProbeToken> issued = this.tokens.issueProbeToken(caller.organizationId(), name(body));
		return ResponseEntity.created(uris.path(PROBE_TOKENS + "/{id}").build(issued.stored().getId()))
			.body(TokenView.of(issued.stored(), issued.token()));
	}

	@Operation(operationId = "listProbeTokens", summary = "List the probe tokens",
			description = "For owners and admins; the tokens are masked.")
	@GetMapping(PROBE_TOKENS)
	List<TokenView> probeTokens(@AuthenticationPrincipal ApiCaller caller) {
		return this.tokens.probeTokens(caller.organizationId())
			.stream()
			.map((token) -> TokenView.of(token, null))
			.toList();
	}

	@Operation(operationId = "revokeProbeToken", summary = "Revoke a probe token",
			description = "The token stops working.")
	@DeleteMapping(PROBE_TOKENS + "/{id}")
	ResponseEntity<Void> revokeProbeToken(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		this.tokens.revokeProbeToken(caller.organizationId(), id);
		return ResponseEntity.noContent().build();
	}

	private String name(byte[] body) {
		TokenRequest request = RequestChecks.read(body, TokenRequest.class);
		RequestChecks.validate(this.validator, request);
		return Objects.requireNonNull(request.name()).strip();
	}

}
