package io.pepper.admin.team;

import io.pepper.admin.organization.Invitation;
import io.pepper.admin.organization.InvitationService;
import io.pepper.admin.organization.LastOwnerException;
import io.pepper.admin.organization.Member;
import io.pepper.admin.organization.MembershipService;
import io.pepper.admin.organization.Role;
import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.mail.MailUnavailableException;
import io.pepper.admin.ui.CurrentMember;
import io.pepper.admin.ui.FieldErrors;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.web.ConflictException;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The members and open invitations of the current organization. Everyone sees them; only
 * owners invite, change roles and remove members.
 */
@Controller
@WebPage
class MemberController {

	static final String VIEW = "members/list";

	private static final String REDIRECT = "redirect:/members";

	private final MembershipService memberships;

	private final InvitationService invitations;

	private final Validator validator;

	MemberController(MembershipService memberships, InvitationService invitations, Validator validator) {
		this.memberships = memberships;
		this.invitations = invitations;
		this.validator = validator;
	}

	@GetMapping("/members")
	String list(CurrentMember me, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", InvitationForm.empty());
		}
		model.addAttribute("members", this.memberships.members(me.organizationId()));
		model.addAttribute("invitations",
				me.isOwner() ? this.invitations.open(me.organizationId()) : java.util.List.of());
		model.addAttribute("roles", Role.values());
		return VIEW;
	}

	@PostMapping("/invitations")
	String invite(CurrentMember me, @ModelAttribute("form") InvitationForm form, Model model,
			RedirectAttributes redirect) {
		me.requireOwner();
		FieldErrors errors = FieldErrors.of(this.validator.validate(form));
		if (errors.isEmpty()) {
			try {
				this.invitations.invite(me.organizationId(), me.userId(), Objects.requireNonNull(form.email()),
						Objects.requireNonNull(form.role()));
				redirect.addFlashAttribute("flash", "Invitation sent to " + form.email() + ".");
				return REDIRECT;
			}
			catch (ConflictException ex) {
				errors.addAll(ex.getProblems());
			}
			catch (MailUnavailableException ex) {
				model.addAttribute("flashError", "The invitation could not be mailed, so it was not created. "
						+ "Please try again in a few minutes.");
			}
		}
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		return list(me, model);
	}

	@PostMapping("/invitations/{id}/revoke")
	String revoke(CurrentMember me, @PathVariable UUID id, RedirectAttributes redirect) {
		me.requireOwner();
		this.invitations.revoke(me.organizationId(), id);
		redirect.addFlashAttribute("flash", "Invitation revoked.");
		return REDIRECT;
	}

	@PostMapping("/members/{userId}/role")
	String changeRole(CurrentMember me, @PathVariable UUID userId, @RequestParam Role role,
			RedirectAttributes redirect) {
		me.requireOwner();
		try {
			this.memberships.changeRole(me.organizationId(), userId, role);
			redirect.addFlashAttribute("flash",
					"Role changed to " + role.name().toLowerCase(java.util.Locale.ROOT) + ".");
		}
		catch (LastOwnerException ex) {
			redirect.addFlashAttribute("flashError", ex.getProblems().getFirst().message());
		}
		return REDIRECT;
	}

	@PostMapping("/members/{userId}/remove")
	String remove(CurrentMember me, @PathVariable UUID userId, RedirectAttributes redirect) {
		me.requireOwner();
		try {
			this.memberships.remove(me.organizationId(), userId);
			redirect.addFlashAttribute("flash", "Member removed.");
		}
		catch (LastOwnerException ex) {
			redirect.addFlashAttribute("flashError", ex.getProblems().getFirst().message());
		}
		return REDIRECT;
	}

}
