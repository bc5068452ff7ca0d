package io.pepper.admin.secret;

/** A stored secret cannot be decrypted: a configuration error the operator must fix. */
public class SecretUnreadableException extends IllegalStateException {

	public SecretUnreadableException(String context, String reason) {
		super("Cannot decrypt the secret " + context + ": " + reason);
	}

}
