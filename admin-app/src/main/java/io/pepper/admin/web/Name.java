package io.pepper.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The one rule for what people name things (endpoints, channels, policies, windows,
 * tokens, organizations): not blank, at most {@code max} characters, one line, and no
 * control characters (terminal escapes, bell, NUL) or bidirectional overrides that would
 * make a name in a list, a mail subject or a terminal show something else.
 */
@NotBlank
@Size
@Pattern(regexp = Name.ALLOWED, message = Name.MESSAGE)
@Constraint(validatedBy = {})
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE,
		ElementType.ANNOTATION_TYPE, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface Name {

	/** No C0/C1 control character (CR, LF, ESC, BEL, NUL, ...) and no bidi override. */
	String ALLOWED = "[^\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069]*";

	String MESSAGE = "must be one line without control characters";

	@OverridesAttribute(constraint = Size.class, name = "max")
	int max() default 200;

	String message() default MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
