package io.pepper.admin.endpoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;
import java.util.Optional;

import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckUrls;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The request's URL is a target a probe can check for the request's kind
 * ({@link CheckUrls}, the rule the probe applies too): an http or https URL for HTTP,
 * {@code tcp://host:port}, {@code tls://host:port} or {@code dns:name}. The error is the
 * URL's; a missing URL is left to {@code @NotBlank}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CheckTarget.Validator.class)
public @interface CheckTarget {

	String message() default "must be a target of the endpoint's kind";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	final class Validator implements ConstraintValidator<CheckTarget, EndpointRequest> {

		@Override
		public boolean isValid(@Nullable EndpointRequest request, ConstraintValidatorContext context) {
			if (request == null || request.url() == null) {
				return true;
			}
			CheckKind kind = Objects.requireNonNullElse(request.kind(), CheckKind.HTTP);
			Optional<String> problem = CheckUrls.problem(kind, request.url());
			problem.ifPresent((message) -> {
				context.disableDefaultConstraintViolation();
				// the rule quotes the URL: escape it from message interpolation
				context
					.buildConstraintViolationWithTemplate(
							message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$"))
					.addPropertyNode("url")
					.addConstraintViolation();
			});
			return problem.isEmpty();
		}

	}

}
