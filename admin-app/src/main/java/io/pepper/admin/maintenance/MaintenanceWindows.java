package io.pepper.admin.maintenance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MaintenanceWindows extends JpaRepository<MaintenanceWindow, UUID> {

	List<MaintenanceWindow> findByOrganizationIdOrderByName(UUID organizationId);

	Optional<MaintenanceWindow> findByIdAndOrganizationId(UUID id, UUID organizationId);

	boolean existsByOrganizationIdAndName(UUID organizationId, String name);

	long countByOrganizationId(UUID organizationId);

}
