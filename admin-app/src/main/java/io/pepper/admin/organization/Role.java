package io.pepper.admin.organization;

/** What a member may do in an organization. */
public enum Role {

	/** Everything, including managing members. */
	OWNER,

	/** Manage endpoints and settings. */
	ADMIN,

	/** Read only. */
	VIEWER;

	/** Whether this role may change the organization's configuration. */
	public boolean canEdit() {
		return this != VIEWER;
	}

}
