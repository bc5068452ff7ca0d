package io.pepper.contracts.v1;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A period during which an organization's notifications for some endpoints are held back.
 *
 * @param id the window
 * @param organizationId its organization
 * @param name what people call it
 * @param schedule when it is active
 */
public record MaintenanceWindowSpec(UUID id, UUID organizationId, String name, Schedule schedule) {

	public MaintenanceWindowSpec {
		Require.present(id, "id");
		Require.present(organizationId, "organizationId");
		Require.text(name, "name");
		Require.present(schedule, "schedule");
	}

	public boolean activeAt(Instant instant) {
		return this.schedule.activeAt(instant);
	}

	/** When a maintenance window is active. */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
	@JsonSubTypes({ @JsonSubTypes.Type(value = OneOff.class, name = "one-off"),
			@JsonSubTypes.Type(value = Weekly.class, name = "weekly") })
	public sealed interface Schedule {

		boolean activeAt(Instant instant);

	}

	/** From {@code start} (inclusive) to {@code end} (exclusive). */
	public record OneOff(Instant start, Instant end) implements Schedule {

		public OneOff {
			Require.present(start, "start");
			Require.present(end, "end");
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException("end must be after start");
			}
		}

		@Override
		public boolean activeAt(Instant instant) {
			return !instant.isBefore(this.start) && instant.isBefore(this.end);
		}

	}

	/**
	 * Every week on {@code days}, from {@code start} local time in {@code zone}, for
	 * {@code durationMinutes} (which may run past midnight).
	 */
	public record Weekly(Set<DayOfWeek> days, LocalTime start, int durationMinutes, ZoneId zone) implements Schedule {

		public Weekly {
			Require.present(days, "days");
			if (days.isEmpty()) {
				throw new IllegalArgumentException("days must not be empty");
			}
			days = Set.copyOf(days);
			Require.present(start, "start");
			Require.between(durationMinutes, 1, 7 * 24 * 60, "durationMinutes");
			Require.present(zone, "zone");
		}

		@Override
		public boolean activeAt(Instant instant) {
			Duration length = Duration.ofMinutes(this.durationMinutes);
			LocalDate today = instant.atZone(this.zone).toLocalDate();
			// An occurrence that started up to a week (the longest duration) ago may
			// still run.
			for (int back = 0; back <= 7; back++) {
				LocalDate day = today.minusDays(back);
				if (this.days.contains(day.getDayOfWeek())) {
					ZonedDateTime begins = ZonedDateTime.of(day, this.start, this.zone);
					Instant from = begins.toInstant();
					if (!instant.isBefore(from) && instant.isBefore(from.plus(length))) {
						return true;
					}
				}
			}
			return false;
		}

	}

}
