package io.pepper.admin.endpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Request headers a probe can send safely: names are HTTP tokens, values have no CR, LF
 * or NUL (which would let a header smuggle another one).
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HeaderMap.Validator.class)
public @interface HeaderMap {

	String message() default "header names must be HTTP tokens and values must not contain CR, LF or NUL";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<HeaderMap, Map<String, String>> {

		private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");

		private static final Pattern VALUE = Pattern.compile("[^\\r\\n\\x00]{0,8192}");

		@Override
		public boolean isValid(@Nullable Map<String, String> headers, ConstraintValidatorContext context) {
			if (headers == null) {
				return true;
			}
			for (Map.Entry<String, String> header : headers.entrySet()) {
				if (header.getKey() == null || !NAME.matcher(header.getKey()).matches()) {
					return reject(context, "header name '" + header.getKey() + "' is not an HTTP token");
				}
				if (header.getValue() == null || !VALUE.matcher(header.getValue()).matches()) {
					return reject(context, "header '" + header.getKey()
							+ "' must have a value of at most 8192 characters without CR, LF or NUL");
				}
			}
			return true;
		}

		private static boolean reject(ConstraintValidatorContext context, String message) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
			return false;
		}

		/** Header names are user input: keep them out of message interpolation. */
		private static String escape(String message) {
			return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
		}

	}

}
