package io.pepper.failure.notify.email;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.pepper.failure.notify.Notification;
import io.pepper.failure.notify.StateChange;
import org.jspecify.annotations.Nullable;

/**
 * The identity headers of one alert email: its own {@code Message-ID}, the same on every
 * retry of one outbox row, and for a mail about one incident the incident's thread root
 * in {@code References} (and in {@code In-Reply-To} for every mail after the first), so
 * mail clients show the DOWN, reminder and UP mails of one incident as one thread.
 *
 * @param messageId e.g. {@code <3f2c…@pepper.example.com>}
 * @param inReplyTo the thread root, for a mail that continues an incident's thread
 * @param references the thread root, for any mail about one incident
 */
record MailThread(String messageId, @Nullable String inReplyTo, @Nullable String references) {

	/**
	 * The headers of {@code notification}, in {@code domain}. A digest speaks of several
	 * incidents, so it stands alone.
	 */
	static MailThread of(Notification notification, String domain) {
		String messageId = "<" + notification.id() + "@" + domain + ">";
		if (!(notification.message() instanceof StateChange change)) {
			return new MailThread(messageId, null, null);
		}
		String root = root(change.incidentId(), domain);
		boolean opening = change.change() == StateChange.Change.OPENED || change.change() == StateChange.Change.DEGRADED
				|| change.change() == StateChange.Change.CERTIFICATE_EXPIRING;
		return new MailThread(messageId, opening ? null : root, root);
	}

	/**
	 * The id every mail of one incident refers to, e.g. {@code <incident-3f2c…@host>}.
	 */
	static String root(UUID incidentId, String domain) {
		return "<incident-" + incidentId + "@" + domain + ">";
	}

	/**
	 * The domain of Message-IDs: the host people open Pepper at, else the domain of the
	 * sender address.
	 */
	static String domain(@Nullable URI adminPublicUrl, String from) {
		return Optional.ofNullable(adminPublicUrl)
			.map(URI::getHost)
			.filter((host) -> !host.isBlank())
			.orElseGet(() -> from.substring(from.lastIndexOf('@') + 1))
			.toLowerCase(Locale.ROOT);
	}

}
