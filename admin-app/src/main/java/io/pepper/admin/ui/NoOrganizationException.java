package io.pepper.admin.ui;

/** The signed-in user belongs to no organization (any more): they create one first. */
class NoOrganizationException extends RuntimeException {

	NoOrganizationException() {
		super("Not a member of any organization");
	}

}
