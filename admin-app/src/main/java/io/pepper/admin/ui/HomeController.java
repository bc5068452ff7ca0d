package io.pepper.admin.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page is the endpoint list of the current organization. */
@Controller
@WebPage
class HomeController {

	@GetMapping("/")
	String home(CurrentMember member) {
		return "redirect:/endpoints";
	}

}
