package io.pepper.admin.secret;

import io.pepper.admin.web.ConflictException;

/** A secret was to be stored but this installation has no key to encrypt it with. */
public class SecretsNotConfiguredException extends ConflictException {

	public SecretsNotConfiguredException() {
		super("secrets", "this installation cannot store secrets until pepper.admin.secrets.key is set");
	}

}
