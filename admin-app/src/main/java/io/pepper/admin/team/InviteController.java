package io.pepper.admin.team;

import io.pepper.admin.organization.Invitation;
import io.pepper.admin.organization.InvitationLink;
import io.pepper.admin.organization.InvitationService;
import java.util.Optional;
import java.util.UUID;

import io.pepper.admin.ui.CurrentMembers;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.user.Passwords;
import io.pepper.admin.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an invitation link leads: a signed-in user accepts with one button; a new one
 * chooses a password, which creates their account. Unknown, spent and expired links all
 * get the same "no longer valid" page.
 */
@Controller
@WebPage
class InviteController {

	static final String VIEW = "invite/show";

	static final String INVALID = "invite/invalid";

	private final InvitationService invitations;

	private final CurrentMembers members;

	InviteController(InvitationService invitations, CurrentMembers members) {
		this.invitations = invitations;
		this.members = members;
	}

	@GetMapping("/invite/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<InvitationLink> link = this.invitations.find(token);
		if (link.isEmpty()) {
			return invalid(response);
		}
		model.addAttribute("invitation", link.get());
		model.addAttribute("token", token);
		model.addAttribute("signedInAs", this.members.user().map(User::getEmail).orElse(null));
		return VIEW;
	}

	/**
	 * Only reachable signed in: security sends visitors to sign in first and back here.
	 */
	@GetMapping("/invite/{token}/signin")
	String signInToAccept(@PathVariable String token) {
		return "redirect:/invite/" + token;
	}

	@PostMapping("/invite/{token}")
	String accept(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<User> user = this.members.user();
		if (user.isEmpty()) {
			return "redirect:/invite/" + token;
		}
		Optional<UUID> joined = this.invitations.accept(token, user.get().getId());
		if (joined.isEmpty()) {
			return invalid(response);
		}
		CurrentMembers.choose(request, joined.get());
		redirect.addFlashAttribute("flash", "Invitation accepted. Welcome!");
		return "redirect:/endpoints";
	}

	@PostMapping("/invite/{token}/account")
	String createAccount(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		@Nullable String problem = (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH)
				? "size must be between " + Passwords.MIN_LENGTH + " and " + Passwords.MAX_LENGTH : null;
		if (problem != null) {
			Optional<InvitationLink> link = this.invitations.find(token);
			if (link.isEmpty()) {
				return invalid(response);
			}
			model.addAttribute("invitation", link.get());
			model.addAttribute("token", token);
			model.addAttribute("errors", java.util.Map.of("password", problem));
			return VIEW;
		}
		return this.invitations.acceptAsNewUser(token, password).map((email) -> {
			redirect.addFlashAttribute("flash", "Your account is ready and the invitation accepted. Sign in to start.");
			redirect.addFlashAttribute("email", email);
			return "redirect:/login";
		}).orElseGet(() -> invalid(response));
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return INVALID;
	}

}
