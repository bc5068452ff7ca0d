package io.pepper.admin.organization;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Memberships extends JpaRepository<Membership, MembershipId> {

	/** The organizations of a user, by name, for the organization switcher. */
	@Query("""
			select new io.pepper.admin.organization.MemberOf(o.id, o.name, m.role)
			from Membership m, Organization o
			where o.id = m.id.organizationId and m.id.userId = :userId
			order by lower(o.name), o.id
			""")
	List<MemberOf> findOrganizationsOf(UUID userId);

	@Query("""
			select new io.pepper.admin.organization.Member(u.id, u.email, m.role)
			from Membership m, io.pepper.admin.user.User u
			where u.id = m.id.userId and m.id.organizationId = :organizationId
			order by u.email
			""")
	List<Member> findMembers(UUID organizationId);

	/** Every organization's members of the given roles, by organization and email. */
	@Query("""
			select new io.pepper.admin.organization.OrganizationMember(m.id.organizationId, u.email)
			from Membership m, io.pepper.admin.user.User u
			where u.id = m.id.userId and m.role in :roles
			order by m.id.organizationId, u.email
			""")
	List<OrganizationMember> findAllWithRoles(Collection<Role> roles);

	/**
	 * The owners of an organization, locked, so that two owners demoting each other at
	 * once cannot leave it without one.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from Membership m where m.id.organizationId = :organizationId and m.role = 'OWNER'")
	List<Membership> lockOwners(UUID organizationId);

}
