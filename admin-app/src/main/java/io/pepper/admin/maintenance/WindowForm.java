package io.pepper.admin.maintenance;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.pepper.admin.ui.FieldErrors;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance window as the web form edits it: one-off from a start to an end, or
 * weekly on some days from a time of day for a number of minutes; times are read in the
 * given zone. Endpoints and comma-separated tags narrow what it covers.
 *
 * @param name what people call it
 * @param kind one-off or weekly
 * @param zone the time zone the times are in
 * @param start a one-off window's start, {@code yyyy-MM-ddTHH:mm}
 * @param end a one-off window's end
 * @param days a weekly window's days, e.g. {@code SATURDAY}
 * @param time a weekly window's start time, {@code HH:mm}
 * @param durationMinutes a weekly window's length
 * @param endpointIds the endpoints it covers
 * @param tags comma-separated tags whose endpoints it covers
 */
record WindowForm(@Nullable String name, @Nullable String kind, @Nullable String zone, @Nullable String start,
		@Nullable String end, @Nullable List<String> days, @Nullable String time, @Nullable String durationMinutes,
		@Nullable List<String> endpointIds, @Nullable String tags) {

	static final String ONE_OFF = "one-off";

	static final String WEEKLY = "weekly";

	static WindowForm blank() {
		return new WindowForm("", ONE_OFF, "UTC", "", "", List.of(), "02:00", "60", List.of(), "");
	}

	static WindowForm of(WindowSettings settings) {
		List<String> endpoints = settings.endpointIds().stream().map(UUID::toString).toList();
		String tagText = String.join(", ", settings.tags());
		return switch (settings.schedule()) {
			case MaintenanceWindowSpec.OneOff oneOff -> new WindowForm(settings.name(), ONE_OFF, "UTC",
					local(oneOff.start()), local(oneOff.end()), List.of(), "02:00", "60", endpoints, tagText);
			case MaintenanceWindowSpec.Weekly weekly -> new WindowForm(settings.name(), WEEKLY, weekly.zone().getId(),
					"", "", weekly.days().stream().sorted().map(DayOfWeek::name).toList(), weekly.start().toString(),
					String.valueOf(weekly.durationMinutes()), endpoints, tagText);
		};
	}

	WindowRequest toRequest(FieldErrors errors) {
		ZoneId zoneId = zone(errors);
		MaintenanceWindowSpec.@Nullable Schedule schedule = null;
		if (WEEKLY.equals(this.kind)) {
			schedule = weekly(zoneId, errors);
		}
		else if (ONE_OFF.equals(this.kind)) {
			schedule = oneOff(zoneId, errors);
		}
		else {
			errors.add("kind", "choose one-off or weekly");
		}
		List<UUID> endpoints = new ArrayList<>();
		for (String id : Objects.requireNonNullElse(this.endpointIds, List.<String>of())) {
			try {
				endpoints.add(UUID.fromString(id.strip()));
			}
			catch (IllegalArgumentException ex) {
				errors.add("endpointIds", "is not one of the choices");
			}
		}
		List<String> tagList = Arrays.stream(Objects.requireNonNullElse(this.tags, "").split(","))
			.map(String::strip)
			.filter((tag) -> !tag.isEmpty())
			.toList();
		return new WindowRequest(this.name, schedule, endpoints, tagList);
	}

	private MaintenanceWindowSpec.@Nullable Schedule oneOff(@Nullable ZoneId zoneId, FieldErrors errors) {
		Instant from = instant("start", this.start, zoneId, errors);
		Instant to = instant("end", this.end, zoneId, errors);
		if (from == null || to == null) {
			return null;
		}
		if (!to.isAfter(from)) {
			errors.add("end", "must be after the start");
			return null;
		}
		return new MaintenanceWindowSpec.OneOff(from, to);
	}

	private MaintenanceWindowSpec.@Nullable Schedule weekly(@Nullable ZoneId zoneId, FieldErrors errors) {
		Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
		for (String day : Objects.requireNonNullElse(this.days, List.<String>of())) {
			try {
				chosen.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				errors.add("days", "'" + day + "' is not a day of the week");
			}
		}
		if (chosen.isEmpty() && !errors.has("days")) {
			errors.add("days", "choose at least one day");
		}
		LocalTime at = null;
		try {
			at = LocalTime.parse(Objects.requireNonNullElse(this.time, "").strip());
		}
		catch (DateTimeParseException ex) {
			errors.add("time", "write the time as HH:mm, e.g. 02:30");
		}
		Integer minutes = null;
		try {
			long value = Long.parseLong(Objects.requireNonNullElse(this.durationMinutes, "").strip());
			if (value < 1 || value > 7 * 24 * 60) {
				errors.add("durationMinutes", "must be between 1 and 10080 (a week)");
			}
			else {
				minutes = (int) value;
			}
		}
		catch (NumberFormatException ex) {
			errors.add("durationMinutes", "must be a whole number of minutes");
		}
		if (chosen.isEmpty() || at == null || minutes == null || zoneId == null) {
			return null;
		}
		return new MaintenanceWindowSpec.Weekly(chosen, at, minutes, zoneId);
	}

	private @Nullable ZoneId zone(FieldErrors errors) {
		try {
			return ZoneId.of(Objects.requireNonNullElse(this.zone, "UTC").strip());
		}
		catch (DateTimeException ex) {
			errors.add("zone", "is not a time zone; use a name like Europe/Berlin or UTC");
			return null;
		}
	}

	private static @Nullable Instant instant(String field, @Nullable String text, @Nullable ZoneId zoneId,
			FieldErrors errors) {
		if (text == null || text.isBlank()) {
			errors.add(field, "is required");
			return null;
		}
		try {
			LocalDateTime local = LocalDateTime.parse(text.strip());
			return (zoneId != null) ? local.atZone(zoneId).toInstant() : null;
		}
		catch (DateTimeParseException ex) {
			errors.add(field, "write it as yyyy-MM-ddTHH:mm");
			return null;
		}
	}

	private static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC).toString();
	}

}
