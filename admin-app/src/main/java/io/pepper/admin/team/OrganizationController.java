package io.pepper.admin.team;

import io.pepper.admin.organization.DuplicateOrganizationNameException;
import io.pepper.admin.organization.MemberOf;
import io.pepper.admin.organization.MembershipService;
import io.pepper.admin.organization.Organization;
import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.ui.CurrentMembers;
import io.pepper.admin.ui.FieldErrors;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.user.User;
import io.pepper.admin.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating another organization, and switching the one the session acts in. Anyone signed
 * in may create one and becomes its owner.
 */
@Controller
@WebPage
class OrganizationController {

	static final String FORM = "organizations/new";

	private final MembershipService memberships;

	private final CurrentMembers members;

	private final Validator validator;

	OrganizationController(MembershipService memberships, CurrentMembers members, Validator validator) {
		this.memberships = memberships;
		this.members = members;
		this.validator = validator;
	}

	@GetMapping("/organizations/new")
	String initCreationForm(Model model) {
		model.addAttribute("form", new OrganizationForm(""));
		return FORM;
	}

	@PostMapping("/organizations")
	String processCreationForm(@ModelAttribute("form") OrganizationForm form, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		User user = this.members.user().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in"));
		FieldErrors errors = FieldErrors.of(this.validator.validate(form));
		if (errors.isEmpty()) {
			try {
				Organization organization = this.memberships.create(Objects.requireNonNull(form.organization()),
						user.getId());
				CurrentMembers.choose(request, organization.getId());
				redirect.addFlashAttribute("flash", "Organization " + organization.getName() + " created.");
				return "redirect:/endpoints";
			}
			catch (DuplicateOrganizationNameException ex) {
				errors.addAll(ex.getProblems());
			}
		}
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		return FORM;
	}

	@PostMapping("/organizations/switch")
	String switchOrganization(@RequestParam UUID organizationId, HttpServletRequest request,
			RedirectAttributes redirect) {
		User user = this.members.user().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in"));
		MemberOf target = this.memberships.organizationsOf(user.getId())
			.stream()
			.filter((organization) -> organization.organizationId().equals(organizationId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No organization " + organizationId));
		CurrentMembers.choose(request, target.organizationId());
		redirect.addFlashAttribute("flash", "Now working in " + target.organizationName() + ".");
		return "redirect:/endpoints";
	}

}
