package io.pepper.admin.token;

import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.location.Location;
import io.pepper.admin.location.LocationRequest;
import io.pepper.admin.location.Locations;
import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.FieldErrors;
import io.pepper.admin.ui.WebPage;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Probe locations and probe tokens (owners and admins only), and the signed-in user's own
 * personal API tokens. A new token is shown once, on the page right after it was made;
 * lists show only its last characters.
 */
@Controller
@WebPage
class TokenPageController {

	static final String PROBES = "tokens/probes";

	static final String TOKENS = "tokens/list";

	private final TokenService tokens;

	private final Locations locations;

	private final Validator validator;

	TokenPageController(TokenService tokens, Locations locations, Validator validator) {
		this.tokens = tokens;
		this.locations = locations;
		this.validator = validator;
	}

	@GetMapping("/probes")
	String probes(CurrentMember me, Model model) {
		me.requireEditor();
		return probesPage(me, model, new FieldErrors(), "", "");
	}

	@PostMapping("/probes/locations")
	@Transactional
	String addLocation(CurrentMember me, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		me.requireEditor();
		String wanted = name.strip();
		FieldErrors errors = FieldErrors.of(this.validator.validate(new LocationRequest(wanted)));
		if (errors.isEmpty() && this.locations.existsByName(wanted)) {
			errors.add("name", "location '" + wanted + "' already exists");
		}
		if (!errors.isEmpty()) {
			return probesPage(me, model, errors, name, "");
		}
		this.locations.saveAndFlush(new Location(wanted));
		redirect.addFlashAttribute("flash", "Location " + wanted + " added.");
		return "redirect:/probes";
	}

	@PostMapping("/probes/tokens")
	String createProbeToken(CurrentMember me, @RequestParam(defaultValue = "") String tokenName, Model model) {
		me.requireEditor();
		FieldErrors errors = nameErrors("tokenName", tokenName);
		if (!errors.isEmpty()) {
			return probesPage(me, model, errors, "", tokenName);
		}
		TokenService.Issued<ProbeToken> issued = this.tokens.issueProbeToken(me.organizationId(), tokenName.strip());
		// Shown on this answer only: a redirect would have to keep it in the session.
		model.addAttribute("flash", "Probe token " + issued.stored().getName() + " created.");
		model.addAttribute("newToken", issued.token());
		return probesPage(me, model, new FieldErrors(), "", "");
	}

	@PostMapping("/probes/tokens/{id}/revoke")
	String revokeProbeToken(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		me.requireEditor();
		ProbeToken revoked = this.tokens.revokeProbeToken(me.organizationId(), id);
		redirect.addFlashAttribute("flash", "Probe token " + revoked.getName() + " revoked.");
		return "redirect:/probes";
	}

	@GetMapping("/tokens")
	String apiTokens(CurrentMember me, Model model) {
		return tokensPage(me, model, new FieldErrors(), "");
	}

	@PostMapping("/tokens")
	String createApiToken(CurrentMember me, @RequestParam(defaultValue = "") String name, Model model) {
		FieldErrors errors = nameErrors("name", name);
		if (!errors.isEmpty()) {
			return tokensPage(me, model, errors, name);
		}
		TokenService.Issued<ApiToken> issued = this.tokens.issueApiToken(me.userId(), me.organizationId(),
				name.strip());
		model.addAttribute("flash", "API token " + issued.stored().getName() + " created.");
		model.addAttribute("newToken", issued.token());
		return tokensPage(me, model, new FieldErrors(), "");
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeApiToken(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		ApiToken revoked = this.tokens.revokeApiToken(me.userId(), me.organizationId(), id);
		redirect.addFlashAttribute("flash", "API token " + revoked.getName() + " revoked.");
		return "redirect:/tokens";
	}

	private FieldErrors nameErrors(String field, String name) {
		FieldErrors errors = new FieldErrors();
		this.validator.validate(new TokenRequest(name.strip()))
			.forEach((violation) -> errors.add(field, violation.getMessage()));
		return errors;
	}

	private String probesPage(CurrentMember me, Model model, FieldErrors errors, String locationName,
			String tokenName) {
		model.addAttribute("locations", this.locations.findByRetiredAtIsNullOrderByName());
		model.addAttribute("probeTokens", this.tokens.probeTokens(me.organizationId()));
		model.addAttribute("locationName", locationName);
		model.addAttribute("tokenName", tokenName);
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		return PROBES;
	}

	private String tokensPage(CurrentMember me, Model model, FieldErrors errors, @Nullable String name) {
		model.addAttribute("apiTokens", this.tokens.apiTokens(me.userId(), me.organizationId()));
		model.addAttribute("name", Objects.requireNonNullElse(name, ""));
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		return TOKENS;
	}

}
