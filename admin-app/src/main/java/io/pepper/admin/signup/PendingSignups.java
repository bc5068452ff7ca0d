package io.pepper.admin.signup;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PendingSignups extends JpaRepository<PendingSignup, UUID> {

	Optional<PendingSignup> findByTokenSha256(String tokenSha256);

	/** Locked, so that one link followed twice at once creates one account. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from PendingSignup s where s.tokenSha256 = :tokenSha256")
	Optional<PendingSignup> lockByTokenSha256(String tokenSha256);

	@Modifying
	@Query("delete from PendingSignup s where s.email = :email")
	void deleteByEmail(String email);

}
