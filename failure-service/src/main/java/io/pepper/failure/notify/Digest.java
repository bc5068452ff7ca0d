package io.pepper.failure.notify;

import java.util.List;

/**
 * Several state changes of one organization's endpoints in one delivery, sent instead of
 * a storm of single notifications.
 *
 * @param changes the changes, oldest first
 */
public record Digest(List<StateChange> changes) implements NotificationMessage {

	public Digest {
		changes = List.copyOf(changes);
		if (changes.isEmpty()) {
			throw new IllegalArgumentException("a digest needs at least one change");
		}
	}

}
