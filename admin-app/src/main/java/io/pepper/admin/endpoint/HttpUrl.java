package io.pepper.admin.endpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The text is an absolute http or https URL with a host; null is left to
 * {@code @NotNull}.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HttpUrl.Validator.class)
public @interface HttpUrl {

	String message() default "must be an absolute http or https URL with a host";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<HttpUrl, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || parse(value) != null;
		}

		/** The URL, or null when it is not an absolute http or https URL with a host. */
		static @Nullable URI parse(String value) {
			try {
				URI uri = new URI(value);
				String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
				boolean web = scheme.equals("http") || scheme.equals("https");
				return (uri.isAbsolute() && web && uri.getHost() != null) ? uri : null;
			}
			catch (URISyntaxException ex) {
				return null;
			}
		}

	}

}
