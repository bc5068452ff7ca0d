package io.pepper.admin.organization;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A user's role in one organization. */
@Entity
@Table(name = "memberships")
public class Membership {

	@EmbeddedId
	private MembershipId id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	protected Membership() {
		this.id = new MembershipId(new java.util.UUID(0, 0), new java.util.UUID(0, 0));
		this.role = Role.VIEWER;
	}

	public Membership(MembershipId id, Role role) {
		this.id = id;
		this.role = role;
	}

	public MembershipId getId() {
		return this.id;
	}

	public Role getRole() {
		return this.role;
	}

	void changeRole(Role role) {
		this.role = role;
	}

}
