package io.pepper.admin.organization;

import java.util.UUID;

import io.pepper.admin.web.NotFoundException;

/**
 * No such member in the caller's organization (other organizations' are not revealed).
 */
class MemberNotFoundException extends NotFoundException {

	MemberNotFoundException(UUID userId) {
		super("No member " + userId);
	}

}
