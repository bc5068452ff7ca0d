package io.pepper.admin.signup;

import io.pepper.admin.web.Name;
import io.pepper.admin.organization.MembershipService;
import io.pepper.admin.user.Passwords;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a person fills in to sign up.
 *
 * @param email where the confirmation link goes; becomes the sign-in name
 * @param password at least {@value Passwords#MIN_LENGTH} characters
 * @param organization the name of the organization they will own
 */
record SignupForm(@NotBlank @Email @Size(max = 254) @Nullable String email,
		@NotBlank @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) @Nullable String password,
		@Name(max = MembershipService.MAX_NAME_LENGTH) @Nullable String organization) {

	static SignupForm empty() {
		return new SignupForm("", "", "");
	}

}
