package io.pepper.admin.organization;

import java.util.UUID;

import io.pepper.admin.web.NotFoundException;

/** No such invitation in the caller's organization. */
class InvitationNotFoundException extends NotFoundException {

	InvitationNotFoundException(UUID id) {
		super("No invitation " + id);
	}

}
