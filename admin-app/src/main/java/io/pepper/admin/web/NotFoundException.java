package io.pepper.admin.web;

/** Something the caller asked for does not exist for them; answered with 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
