package io.pepper.admin.organization;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Memberships extends JpaRepository<Membership, MembershipId> {

}
