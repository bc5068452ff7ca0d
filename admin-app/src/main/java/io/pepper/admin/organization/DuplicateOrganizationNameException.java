package io.pepper.admin.organization;

import io.pepper.admin.web.ConflictException;

/** Organization names are unique, so that people can tell them apart in the switcher. */
public class DuplicateOrganizationNameException extends ConflictException {

	public DuplicateOrganizationNameException(String name) {
		super("organization", "an organization named '" + name + "' already exists; choose another name");
	}

}
