package io.pepper.failure.notify;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The words every channel uses for a state change, so they all say the same. */
public final class Wording {

	private Wording() {
	}

	/** One line, e.g. "Checkout is DOWN" or "Checkout has RESOLVED after 12 min". */
	public static String headline(StateChange change) {
		String name = change.endpointName();
		return switch (change.change()) {
			case OPENED -> name + " is DOWN";
			case REOPENED -> name + " is DOWN again";
			case FLAPPING -> name + " is FLAPPING (down and up repeatedly)";
			case RESOLVED -> name + " is back UP after " + duration(change.duration());
			case DEGRADED -> name + " is DEGRADED";
			case RECOVERED -> name + " has RECOVERED after " + duration(change.duration());
			case REMINDER -> name + " is still DOWN, for " + duration(change.duration());
			case CERTIFICATE_EXPIRING -> name + "'s certificate is EXPIRING: " + change.reason();
			case CERTIFICATE_RENEWED -> name + "'s certificate was RENEWED";
		};
	}

	/** A subject line, e.g. "[Pepper] DOWN: Checkout — expected 200-299 but got 500". */
	public static String subject(StateChange change) {
		String label = switch (change.change()) {
			case OPENED -> "DOWN";
			case REOPENED -> "DOWN again";
			case FLAPPING -> "FLAPPING";
			case RESOLVED -> "RESOLVED";
			case DEGRADED -> "DEGRADED";
			case RECOVERED -> "RECOVERED";
			case REMINDER -> "Still DOWN";
			case CERTIFICATE_EXPIRING -> "CERTIFICATE EXPIRING";
			case CERTIFICATE_RENEWED -> "CERTIFICATE RENEWED";
		};
		String subject = "[Pepper] " + label + ": " + change.endpointName();
		return change.change().isTrouble() ? subject + " — " + change.reason() : subject;
	}

	/** The changes a message tells of: one, or a digest's. */
	public static List<StateChange> changes(NotificationMessage message) {
		return switch (message) {
			case StateChange change -> List.of(change);
			case Digest digest -> digest.changes();
		};
	}

	/** One line for a whole message: the headline, or how many changes a digest holds. */
	public static String title(NotificationMessage message) {
		return switch (message) {
			case StateChange change -> headline(change);
			case Digest digest -> digest.changes().size() + " incident changes in one go";
		};
	}

	/** A subject line for a digest. */
	public static String subject(Digest digest) {
		return "[Pepper] " + digest.changes().size() + " incident changes in one go";
	}

	/** The facts of a change as label to value, in the order people read them. */
	public static Map<String, String> facts(StateChange change, @Nullable URI link) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("Endpoint", change.endpointName());
		if (change.url() != null) {
			facts.put("URL", change.url());
		}
		facts.put("Reason", change.reason());
		if (!change.locations().isEmpty()) {
			facts.put("Locations", String.join(", ", change.locations()));
		}
		facts.put("Since", change.openedAt().toString());
		facts.put("Duration", duration(change.duration()));
		if (change.flapping()) {
			facts.put("Flapping", "yes: it went down and up repeatedly");
		}
		facts.put("Incident", change.incidentId().toString());
		if (link != null) {
			facts.put("Details", link.toString());
		}
		return facts;
	}

	/**
	 * The facts people act on as plain-text lines, e.g. "Reason: …", for channels without
	 * markup; the headline is not included.
	 */
	public static String lines(StateChange change, @Nullable URI link) {
		StringBuilder text = new StringBuilder();
		facts(change, link).forEach((label, value) -> {
			if (!label.equals("Endpoint") && !label.equals("Incident") && !label.equals("Since")) {
				text.append((text.isEmpty()) ? "" : "\n").append(label).append(": ").append(value);
			}
		});
		return text.toString();
	}

	/**
	 * The endpoint's page in admin-app, or null when its public URL is not configured.
	 */
	public static @Nullable URI link(@Nullable URI adminPublicUrl, UUID endpointId) {
		if (adminPublicUrl == null) {
			return null;
		}
		String base = adminPublicUrl.toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "endpoints/" + endpointId);
	}

	/** A duration for people: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
	public static String duration(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = minutes / 60;
		if (hours < 48) {
			return hours + " h" + ((minutes % 60 != 0) ? " " + (minutes % 60) + " min" : "");
		}
		return (hours / 24) + " d" + ((hours % 24 != 0) ? " " + (hours % 24) + " h" : "");
	}

}
