package io.pepper.admin.token;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProbeTokens extends JpaRepository<ProbeToken, UUID> {

	boolean existsByTokenSha256(String tokenSha256);

	@Query("select new io.pepper.admin.token.ProbeCaller(t.id, t.name, t.organizationId) from ProbeToken t where t.tokenSha256 = :tokenSha256")
	Optional<ProbeCaller> findCaller(String tokenSha256);

	List<ProbeToken> findByOrganizationIdOrderByCreatedAt(UUID organizationId);

	Optional<ProbeToken> findByIdAndOrganizationId(UUID id, UUID organizationId);

}
