package io.pepper.admin.organization;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A membership is identified by who and where.
 *
 * @param userId the member
 * @param organizationId the organization
 */
@Embeddable
public record MembershipId(@Column(name = "user_id") UUID userId,
		@Column(name = "organization_id") UUID organizationId) implements Serializable {

}
