package io.pepper.admin.ui;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.pepper.admin.web.NotFoundException;
import io.pepper.http.server.StrictJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What the shared layout needs on every page, and errors as pages: a missing or foreign
 * id is a 404 page, never a hint that it exists elsewhere.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

	static final String BAD_REQUEST = "error/400";

	private final CurrentMembers members;

	PageAdvice(CurrentMembers members) {
		this.members = members;
	}

	@ModelAttribute("me")
	@Nullable CurrentMember me(HttpServletRequest request) {
		return this.members.find(request).orElse(null);
	}

	/** No field errors until a form says otherwise. */
	@ModelAttribute(FieldErrors.ATTRIBUTE)
	Map<String, String> noErrors() {
		return Map.of();
	}

	@ExceptionHandler
	void notFound(NotFoundException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	/**
	 * A form field that could not be bound (a NUL character, a malformed number): 400
	 * with the fields named, and nothing changed.
	 */
	@ExceptionHandler
	String unbindable(BindException ex, Model model, HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (FieldError error : ex.getFieldErrors()) {
			problems.putIfAbsent(FieldErrors.root(error.getField()),
					(error.getRejectedValue() instanceof String text && StrictJson.hasNul(text))
							? StrictJson.NUL_MESSAGE : "is not valid");
		}
		model.addAttribute("problems", problems);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return BAD_REQUEST;
	}

	/** A query parameter that could not be converted: 400 naming it. */
	@ExceptionHandler
	String unconvertible(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
		model.addAttribute("problems",
				Map.of(ex.getName(), (ex.getValue() instanceof String text && StrictJson.hasNul(text))
						? StrictJson.NUL_MESSAGE : "is not valid"));
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return BAD_REQUEST;
	}

	@ExceptionHandler
	String noOrganization(NoOrganizationException ex) {
		return "redirect:/organizations/new";
	}

}
