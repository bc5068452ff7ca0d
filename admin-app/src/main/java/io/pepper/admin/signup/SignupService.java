package io.pepper.admin.signup;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.mail.LinkTokens;
import io.pepper.admin.mail.Mailer;
import io.pepper.admin.organization.DuplicateOrganizationNameException;
import io.pepper.admin.organization.MembershipService;
import io.pepper.admin.user.User;
import io.pepper.admin.user.Users;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up by confirmation link. Whether or not the email already has an account, the
 * person sees the same answer and the address receives a message (a link to finish, or a
 * note that an account exists), so sign-up never tells who has an account.
 */
@Service
class SignupService {

	private final PendingSignups pending;

	private final Users users;

	private final MembershipService memberships;

	private final PasswordEncoder passwordEncoder;

	private final Mailer mailer;

	private final AdminProperties.Ui settings;

	SignupService(PendingSignups pending, Users users, MembershipService memberships, PasswordEncoder passwordEncoder,
			Mailer mailer, AdminProperties properties) {
		this.pending = pending;
		this.users = users;
		this.memberships = memberships;
		this.passwordEncoder = passwordEncoder;
		this.mailer = mailer;
		this.settings = properties.ui();
	}

	/**
	 * Starts a sign-up from a valid form.
	 * @throws DuplicateOrganizationNameException when the organization name is taken,
	 * which does not depend on the email
	 */
	@Transactional
	public void start(SignupForm form) {
		String email = User.normalize(Objects.requireNonNull(form.email()));
		String organization = Objects.requireNonNull(form.organization()).strip();
		if (this.memberships.isNameTaken(organization)) {
			throw new DuplicateOrganizationNameException(organization);
		}
		// Hashed on both paths, so the answer takes as long whether the email is known.
		String passwordHash = this.passwordEncoder.encode(Objects.requireNonNull(form.password()));
		if (this.users.findByEmail(email).filter(User::hasPassword).isPresent()) {
			this.mailer.send(email, "Your Pepper account", """
					Someone, probably you, tried to sign up for Pepper with this address.
					You already have an account: sign in at %s

					If it was not you, you can ignore this message.
					""".formatted(this.mailer.link("/login")));
			return;
		}
		String token = LinkTokens.generate();
		this.pending.save(new PendingSignup(LinkTokens.digest(token), email, Objects.requireNonNull(passwordHash),
				organization, Instant.now().plus(this.settings.signupTtl())));
		this.mailer.send(email, "Finish signing up for Pepper", """
				Follow this link to finish signing up and create the organization "%s":
				%s

				The link works once, for %d hours. If you did not sign up, ignore this message.
				""".formatted(organization, this.mailer.link("/signup/confirm/" + token),
				this.settings.signupTtl().toHours()));
	}

	/** The organization a still valid link would create. */
	@Transactional(readOnly = true)
	public Optional<String> organizationFor(String token) {
		return this.pending.findByTokenSha256(LinkTokens.digest(token))
			.filter((signup) -> !signup.isExpired(Instant.now()))
			.map(PendingSignup::getOrganizationName);
	}

	/**
	 * Creates the user, the organization and the owner membership; the link is spent.
	 * Returns the new user's email, or empty when the link is unknown, spent or expired.
	 */
	@Transactional
	public Optional<String> confirm(String token) {
		Optional<PendingSignup> found = this.pending.lockByTokenSha256(LinkTokens.digest(token));
		if (found.isEmpty() || found.get().isExpired(Instant.now())) {
			return Optional.empty();
		}
		PendingSignup signup = found.get();
		User user = this.users.findByEmail(signup.getEmail()).orElseGet(() -> new User(signup.getEmail()));
		if (user.hasPassword()) {
			this.pending.deleteByEmail(signup.getEmail());
			return Optional.empty();
		}
		user.setPasswordHash(signup.getPasswordHash());
		user = this.users.saveAndFlush(user);
		this.memberships.create(signup.getOrganizationName(), user.getId());
		this.pending.deleteByEmail(signup.getEmail());
		return Optional.of(user.getEmail());
	}

}
