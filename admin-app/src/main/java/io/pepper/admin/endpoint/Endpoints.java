package io.pepper.admin.endpoint;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Endpoints extends JpaRepository<Endpoint, UUID> {

	List<Endpoint> findByOrganizationIdOrderByName(UUID organizationId);

	Optional<Endpoint> findByIdAndOrganizationId(UUID id, UUID organizationId);

	boolean existsByOrganizationIdAndName(UUID organizationId, String name);

	long countByOrganizationId(UUID organizationId);

	/**
	 * One page of an organization's endpoints by name; {@code pattern} (an ILIKE pattern)
	 * matches name or URL, {@code tag} filters, null means any.
	 */
	@Query(nativeQuery = true, value = """
			SELECT * FROM endpoints
			WHERE organization_id = :organizationId
			AND (CAST(:pattern AS text) IS NULL OR name ILIKE :pattern OR url ILIKE :pattern)
			AND (CAST(:tag AS text) IS NULL OR tags @> ARRAY[CAST(:tag AS text)])
			ORDER BY name, id
			""", countQuery = """
			SELECT count(*) FROM endpoints
			WHERE organization_id = :organizationId
			AND (CAST(:pattern AS text) IS NULL OR name ILIKE :pattern OR url ILIKE :pattern)
			AND (CAST(:tag AS text) IS NULL OR tags @> ARRAY[CAST(:tag AS text)])
			""")
	Page<Endpoint> search(UUID organizationId, @Nullable String pattern, @Nullable String tag, Pageable page);

}
