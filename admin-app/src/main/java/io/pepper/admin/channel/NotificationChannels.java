package io.pepper.admin.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NotificationChannels extends JpaRepository<NotificationChannel, UUID> {

	List<NotificationChannel> findByOrganizationIdOrderByName(UUID organizationId);

	Optional<NotificationChannel> findByIdAndOrganizationId(UUID id, UUID organizationId);

	Optional<NotificationChannel> findByOrganizationIdAndName(UUID organizationId, String name);

	boolean existsByOrganizationIdAndName(UUID organizationId, String name);

	long countByOrganizationId(UUID organizationId);

	@Query("select c.id from NotificationChannel c where c.organizationId = :organizationId and c.id in :ids")
	List<UUID> findExistingIds(UUID organizationId, Collection<UUID> ids);

	@Query("select count(c) > 0 from NotificationChannel c where c.urlEncrypted is not null or c.tokenEncrypted is not null")
	boolean anySecretStored();

}
