package io.pepper.failure;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads received messages the way a mail client shows them. */
public final class Mails {

	private Mails() {
	}

	/** The decoded content of the first part of {@code mimeType}, or null. */
	public static String partOf(Part part, String mimeType) {
		try {
			if (part.isMimeType(mimeType)) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					String found = partOf(child, mimeType);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
