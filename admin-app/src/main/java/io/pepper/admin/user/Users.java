package io.pepper.admin.user;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Users extends JpaRepository<User, UUID> {

	/** Looks up {@code email} as stored: lower-cased, see {@link User#normalize}. */
	Optional<User> findByEmail(String email);

}
