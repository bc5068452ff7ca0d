package io.pepper.admin.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import io.pepper.contracts.v1.MaintenanceWindowSpec;

/** The stretches of time a maintenance schedule is active within a range. */
public final class MaintenanceSpans {

	/** More occurrences than a chart can show are cut off. */
	static final int MAX = 500;

	private MaintenanceSpans() {
	}

	/**
	 * The occurrences of {@code schedule} overlapping {@code [from, to)}, clipped to it,
	 * in time order.
	 */
	public static List<Span> between(MaintenanceWindowSpec.Schedule schedule, Instant from, Instant to) {
		List<Span> spans = new ArrayList<>();
		switch (schedule) {
			case MaintenanceWindowSpec.OneOff once -> add(spans, once.start(), once.end(), from, to);
			case MaintenanceWindowSpec.Weekly weekly -> {
				Duration length = Duration.ofMinutes(weekly.durationMinutes());
				// An occurrence that began up to a week before the range may still run in
				// it.
				LocalDate day = from.atZone(weekly.zone()).toLocalDate().minusDays(7);
				LocalDate last = to.atZone(weekly.zone()).toLocalDate();
				while (!day.isAfter(last) && spans.size() < MAX) {
					if (weekly.days().contains(day.getDayOfWeek())) {
						Instant begins = ZonedDateTime.of(day, weekly.start(), weekly.zone()).toInstant();
						add(spans, begins, begins.plus(length), from, to);
					}
					day = day.plusDays(1);
				}
			}
		}
		return spans;
	}

	private static void add(List<Span> spans, Instant start, Instant end, Instant from, Instant to) {
		if (start.isBefore(to) && end.isAfter(from)) {
			spans.add(new Span(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end));
		}
	}

	/**
	 * One occurrence.
	 *
	 * @param from its start, clipped to the range
	 * @param to its end, clipped to the range
	 */
	public record Span(Instant from, Instant to) {

	}

}
