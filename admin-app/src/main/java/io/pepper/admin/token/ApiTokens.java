package io.pepper.admin.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface ApiTokens extends JpaRepository<ApiToken, UUID> {

	boolean existsByTokenSha256(String tokenSha256);

	List<ApiToken> findByUserIdAndOrganizationIdOrderByCreatedAt(UUID userId, UUID organizationId);

	Optional<ApiToken> findByIdAndUserIdAndOrganizationId(UUID id, UUID userId, UUID organizationId);

	/**
	 * The caller behind a token digest, with its current role; none once the membership
	 * is gone.
	 */
	@Query("""
			select new io.pepper.admin.token.ApiCaller(t.id, t.userId, t.organizationId, m.role, t.lastUsedAt)
			from ApiToken t, Membership m
			where t.tokenSha256 = :tokenSha256
			and m.id.userId = t.userId and m.id.organizationId = t.organizationId
			""")
	Optional<ApiCaller> findCaller(String tokenSha256);

	@Transactional
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
	void markUsed(UUID id, Instant now);

}
