package io.pepper.admin.web;

import java.beans.PropertyEditorSupport;

import io.pepper.http.server.StrictJson;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Refuses U+0000 in every query parameter and form field, as {@link StrictJson} does in
 * JSON bodies: PostgreSQL cannot store it, and no name, search or address needs it. A
 * refused parameter is a type mismatch on that field: 400 naming it.
 */
@ControllerAdvice
class NulRefusal {

	@InitBinder
	void refuseNul(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new Editor());
	}

	private static final class Editor extends PropertyEditorSupport {

		@Override
		public void setAsText(@Nullable String text) {
			if (StrictJson.hasNul(text)) {
				throw new IllegalArgumentException(StrictJson.NUL_MESSAGE);
			}
			setValue(text);
		}

	}

}
