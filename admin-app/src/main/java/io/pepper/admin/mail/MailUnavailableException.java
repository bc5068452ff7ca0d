package io.pepper.admin.mail;

/** A message could not be handed to the mail server; the caller tells the person. */
public class MailUnavailableException extends RuntimeException {

	MailUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	MailUnavailableException(String message) {
		super(message);
	}

}
