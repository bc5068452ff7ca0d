package io.pepper.admin.channel;

import io.pepper.admin.secret.SecretBox;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses to start without {@code pepper.admin.secrets.key} once secrets are stored, so
 * the problem shows at start-up rather than at the first alert.
 */
@Component
class SecretKeyCheck implements SmartInitializingSingleton {

	private final SecretBox secrets;

	private final NotificationChannels channels;

	SecretKeyCheck(SecretBox secrets, NotificationChannels channels) {
		this.secrets = secrets;
		this.channels = channels;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.secrets.canSeal() && this.channels.anySecretStored()) {
			throw new IllegalStateException("Notification channel secrets are stored, but pepper.admin.secrets.key "
					+ "is not set: configure the key they were encrypted with");
		}
	}

}
