package io.pepper.admin.location;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Locations extends JpaRepository<Location, UUID> {

	boolean existsByName(String name);

	Optional<Location> findByName(String name);

	/** The locations endpoints may choose, by name. */
	List<Location> findByRetiredAtIsNullOrderByName();

	/** Which of {@code names} exist and are not retired, in one query. */
	@Query("select l.name from Location l where l.name in :names and l.retiredAt is null")
	List<String> findExistingNames(Collection<String> names);

}
