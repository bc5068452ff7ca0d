package io.pepper.failure.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an incident's timeline.
 *
 * @param id the entry; notifications of a state change refer to it
 * @param at when
 * @param type what, as a lower-case word
 * @param detail a sentence for people
 */
record TimelineEntry(UUID id, Instant at, String type, String detail) {

	static TimelineEntry of(Instant at, String type, String detail) {
		return new TimelineEntry(UUID.randomUUID(), at, type, detail);
	}

}
