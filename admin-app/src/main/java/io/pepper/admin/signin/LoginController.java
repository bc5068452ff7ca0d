package io.pepper.admin.signin;

import io.pepper.admin.ui.WebPage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security processes the form. Every failure shows the same
 * words, whether the email is unknown, the password wrong or sign-in refused for now.
 */
@Controller
@WebPage
class LoginController {

	static final String VIEW = "signin/login";

	@GetMapping("/login")
	String login() {
		return VIEW;
	}

}
