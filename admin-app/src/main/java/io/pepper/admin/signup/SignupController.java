package io.pepper.admin.signup;

import io.pepper.admin.mail.MailUnavailableException;
import io.pepper.admin.organization.DuplicateOrganizationNameException;
import io.pepper.admin.ui.WebPage;
import io.pepper.admin.ui.FieldErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up: the form, the "check your mail" page, and the confirmation link (a page with a
 * button, so that mail scanners that open links do not spend it).
 */
@Controller
@WebPage
class SignupController {

	static final String FORM = "signup/form";

	static final String SENT = "signup/sent";

	static final String CONFIRM = "signup/confirm";

	static final String INVALID = "signup/invalid";

	private final SignupService signups;

	private final Validator validator;

	SignupController(SignupService signups, Validator validator) {
		this.signups = signups;
		this.validator = validator;
	}

	@GetMapping("/signup")
	String initSignupForm(Model model) {
		model.addAttribute("form", SignupForm.empty());
		return FORM;
	}

	@PostMapping("/signup")
	String processSignupForm(@ModelAttribute("form") SignupForm form, Model model, RedirectAttributes redirect) {
		FieldErrors errors = FieldErrors.of(this.validator.validate(form));
		model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
		if (!errors.isEmpty()) {
			return FORM;
		}
		try {
			this.signups.start(form);
		}
		catch (DuplicateOrganizationNameException ex) {
			errors.addAll(ex.getProblems());
			model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
			return FORM;
		}
		catch (MailUnavailableException ex) {
			model.addAttribute("flashError", "We could not send mail just now. Please try again in a few minutes.");
			return FORM;
		}
		redirect.addFlashAttribute("email", form.email());
		return "redirect:/signup/sent";
	}

	@GetMapping("/signup/sent")
	String sent() {
		return SENT;
	}

	@GetMapping("/signup/confirm/{token}")
	String initConfirm(@PathVariable String token, Model model, HttpServletResponse response) {
		return this.signups.organizationFor(token).map((organization) -> {
			model.addAttribute("organization", organization);
			model.addAttribute("token", token);
			return CONFIRM;
		}).orElseGet(() -> invalid(response));
	}

	@PostMapping("/signup/confirm/{token}")
	String processConfirm(@PathVariable String token, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			return this.signups.confirm(token).map((email) -> {
				redirect.addFlashAttribute("flash", "Your account is ready. Sign in to start.");
				redirect.addFlashAttribute("email", email);
				return "redirect:/login";
			}).orElseGet(() -> invalid(response));
		}
		catch (DuplicateOrganizationNameException ex) {
			model.addAttribute("flashError", ex.getProblems().getFirst().message() + " Please sign up again.");
			return invalid(response);
		}
	}

	private static String invalid(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return INVALID;
	}

}
