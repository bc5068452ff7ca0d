package io.pepper.admin.organization;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to which organization with which role. An organization always keeps an
 * owner.
 */
@Service
public class MembershipService {

	/** Longest organization name, as the database allows. */
	public static final int MAX_NAME_LENGTH = 200;

	private final Organizations organizations;

	private final Memberships memberships;

	MembershipService(Organizations organizations, Memberships memberships) {
		this.organizations = organizations;
		this.memberships = memberships;
	}

	@Transactional(readOnly = true)
	public List<MemberOf> organizationsOf(UUID userId) {
		return this.memberships.findOrganizationsOf(userId);
	}

	@Transactional(readOnly = true)
	public List<Member> members(UUID organizationId) {
		return this.memberships.findMembers(organizationId);
	}

	/**
	 * Per organization, the addresses of its owners and admins: who is told about its
	 * incidents when no channel is configured. Viewers are not.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<String>> alertContacts() {
		Map<UUID, List<String>> contacts = new LinkedHashMap<>();
		for (OrganizationMember member : this.memberships.findAllWithRoles(EnumSet.of(Role.OWNER, Role.ADMIN))) {
			contacts.computeIfAbsent(member.organizationId(), (id) -> new ArrayList<>()).add(member.email());
		}
		return contacts;
	}

	@Transactional(readOnly = true)
	public boolean isNameTaken(String name) {
		return this.organizations.findByName(name.strip()).isPresent();
	}

	/** A new organization with {@code ownerId} as its owner. */
	@Transactional
	public Organization create(String name, UUID ownerId) {
		String stripped = name.strip();
		if (isNameTaken(stripped)) {
			throw new DuplicateOrganizationNameException(stripped);
		}
		Organization organization = this.organizations.saveAndFlush(new Organization(stripped));
		this.memberships.save(new Membership(new MembershipId(ownerId, organization.getId()), Role.OWNER));
		return organization;
	}

	/** Adds {@code userId} with {@code role}; an existing membership keeps its role. */
	@Transactional
	public void join(UUID organizationId, UUID userId, Role role) {
		MembershipId id = new MembershipId(userId, organizationId);
		if (!this.memberships.existsById(id)) {
			this.memberships.save(new Membership(id, role));
		}
	}

	@Transactional(readOnly = true)
	public Optional<Role> roleOf(UUID organizationId, UUID userId) {
		return this.memberships.findById(new MembershipId(userId, organizationId)).map(Membership::getRole);
	}

	@Transactional
	public void changeRole(UUID organizationId, UUID userId, Role role) {
		Membership membership = find(organizationId, userId);
		if (membership.getRole() == Role.OWNER && role != Role.OWNER) {
			requireAnotherOwner(organizationId, userId);
		}
		membership.changeRole(role);
	}

	@Transactional
	public void remove(UUID organizationId, UUID userId) {
		Membership membership = find(organizationId, userId);
		if (membership.getRole() == Role.OWNER) {
			requireAnotherOwner(organizationId, userId);
		}
		this.memberships.delete(membership);
	}

	private Membership find(UUID organizationId, UUID userId) {
		return this.memberships.findById(new MembershipId(userId, organizationId))
			.orElseThrow(() -> new MemberNotFoundException(userId));
	}

	private void requireAnotherOwner(UUID organizationId, UUID userId) {
		boolean another = this.memberships.lockOwners(organizationId)
			.stream()
			.anyMatch((owner) -> !owner.getId().userId().equals(userId));
		if (!another) {
			throw new LastOwnerException();
		}
	}

}
