package io.pepper.admin.organization;

import io.pepper.admin.web.ConflictException;

/** An organization always keeps at least one owner, or nobody could manage it. */
public class LastOwnerException extends ConflictException {

	LastOwnerException() {
		super("role", "the last owner cannot be removed or demoted; make someone else an owner first");
	}

}
