package io.pepper.admin.organization;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Invitations extends JpaRepository<Invitation, UUID> {

	Optional<Invitation> findByTokenSha256(String tokenSha256);

	/** Locked, so that one link followed twice at once is accepted once. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invitation i where i.tokenSha256 = :tokenSha256")
	Optional<Invitation> lockByTokenSha256(String tokenSha256);

	Optional<Invitation> findByIdAndOrganizationId(UUID id, UUID organizationId);

	/** Invitations still waiting for an answer, newest first. */
	@Query("""
			select i from Invitation i
			where i.organizationId = :organizationId and i.acceptedAt is null and i.expiresAt > :now
			order by i.createdAt desc
			""")
	List<Invitation> findOpen(UUID organizationId, Instant now);

}
