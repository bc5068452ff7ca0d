package io.pepper.admin.location;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Locations extends JpaRepository<Location, UUID> {

	boolean existsByName(String name);

	/** Which of {@code names} exist, in one query. */
	@Query("select l.name from Location l where l.name in :names")
	List<String> findExistingNames(Collection<String> names);

}
