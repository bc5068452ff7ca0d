package io.pepper.admin.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Policies extends JpaRepository<Policy, UUID> {

	List<Policy> findByOrganizationIdOrderByName(UUID organizationId);

	Optional<Policy> findByIdAndOrganizationId(UUID id, UUID organizationId);

	boolean existsByOrganizationIdAndName(UUID organizationId, String name);

	long countByOrganizationId(UUID organizationId);

}
