package io.pepper.admin.endpoint;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Endpoints extends JpaRepository<Endpoint, UUID> {

	List<Endpoint> findByOrganizationIdOrderByName(UUID organizationId);

	Optional<Endpoint> findByIdAndOrganizationId(UUID id, UUID organizationId);

	boolean existsByOrganizationIdAndName(UUID organizationId, String name);

	long countByOrganizationId(UUID organizationId);

}
