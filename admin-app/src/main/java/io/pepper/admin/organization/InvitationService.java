package io.pepper.admin.organization;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.mail.LinkTokens;
import io.pepper.admin.mail.Mailer;
import io.pepper.admin.user.User;
import io.pepper.admin.user.Users;
import io.pepper.admin.web.ConflictException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations by mail: the link's secret is stored hashed, works once and expires.
 * Accepting adds the membership for a signed-in user, or creates the account of a new one
 * (the link proves they read mail at the invited address).
 */
@Service
public class InvitationService {

	private final Invitations invitations;

	private final Organizations organizations;

	private final MembershipService memberships;

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final Mailer mailer;

	private final AdminProperties.Ui settings;

	InvitationService(Invitations invitations, Organizations organizations, MembershipService memberships, Users users,
			PasswordEncoder passwordEncoder, Mailer mailer, AdminProperties properties) {
		this.invitations = invitations;
		this.organizations = organizations;
		this.memberships = memberships;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.mailer = mailer;
		this.settings = properties.ui();
	}

	/**
	 * Invites {@code email} with {@code role} and mails the link; nothing is stored when
	 * the mail cannot be sent (the transaction rolls back).
	 */
	@Transactional
	public Invitation invite(UUID organizationId, UUID invitedBy, String email, Role role) {
		String normalized = User.normalize(email);
		Organization organization = this.organizations.findById(organizationId)
			.orElseThrow(() -> new IllegalStateException("No organization " + organizationId));
		boolean member = this.users.findByEmail(normalized)
			.flatMap((user) -> this.memberships.roleOf(organizationId, user.getId()))
			.isPresent();
		if (member) {
			throw new ConflictException("email", "is already a member of this organization");
		}
		String token = LinkTokens.generate();
		Invitation invitation = this.invitations.save(new Invitation(organizationId, normalized, role,
				LinkTokens.digest(token), invitedBy, Instant.now().plus(this.settings.invitationTtl())));
		this.mailer.send(normalized, "You are invited to " + organization.getName() + " on Pepper", """
				You are invited to join the organization "%s" on Pepper as %s.
				Follow this link to accept:
				%s

				The link works once, for %d days. If you did not expect this, ignore this message.
				""".formatted(organization.getName(), role.name().toLowerCase(java.util.Locale.ROOT),
				this.mailer.link("/invite/" + token), this.settings.invitationTtl().toDays()));
		return invitation;
	}

	@Transactional(readOnly = true)
	public List<Invitation> open(UUID organizationId) {
		return this.invitations.findOpen(organizationId, Instant.now());
	}

	@Transactional
	public void revoke(UUID organizationId, UUID invitationId) {
		Invitation invitation = this.invitations.findByIdAndOrganizationId(invitationId, organizationId)
			.orElseThrow(() -> new InvitationNotFoundException(invitationId));
		this.invitations.delete(invitation);
	}

	/** What a still usable link offers; empty when unknown, spent or expired. */
	@Transactional(readOnly = true)
	public Optional<InvitationLink> find(String token) {
		return this.invitations.findByTokenSha256(LinkTokens.digest(token))
			.filter((invitation) -> invitation.isUsable(Instant.now()))
			.flatMap((invitation) -> this.organizations.findById(invitation.getOrganizationId())
				.map((organization) -> new InvitationLink(organization.getName(), invitation.getEmail(),
						invitation.getRole(), invitation.getExpiresAt(),
						this.users.findByEmail(invitation.getEmail()).filter(User::hasPassword).isPresent())));
	}

	/**
	 * Accepts for the signed-in {@code userId}; returns the organization joined, or empty
	 * when the link is unknown, spent or expired.
	 */
	@Transactional
	public Optional<UUID> accept(String token, UUID userId) {
		Optional<Invitation> found = usable(token);
		found.ifPresent((invitation) -> {
			invitation.accept(userId, Instant.now());
			this.memberships.join(invitation.getOrganizationId(), userId, invitation.getRole());
		});
		return found.map(Invitation::getOrganizationId);
	}

	/**
	 * Creates the account of the invited address with {@code password} and accepts; empty
	 * when the link is not usable or the address already has an account.
	 */
	@Transactional
	public Optional<String> acceptAsNewUser(String token, String password) {
		Optional<Invitation> found = usable(token);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Invitation invitation = found.get();
		User user = this.users.findByEmail(invitation.getEmail()).orElseGet(() -> new User(invitation.getEmail()));
		if (user.hasPassword()) {
			return Optional.empty();
		}
		user.setPasswordHash(String.valueOf(this.passwordEncoder.encode(password)));
		user = this.users.saveAndFlush(user);
		invitation.accept(user.getId(), Instant.now());
		this.memberships.join(invitation.getOrganizationId(), user.getId(), invitation.getRole());
		return Optional.of(user.getEmail());
	}

	private Optional<Invitation> usable(String token) {
		return this.invitations.lockByTokenSha256(LinkTokens.digest(token))
			.filter((invitation) -> invitation.isUsable(Instant.now()));
	}

}
