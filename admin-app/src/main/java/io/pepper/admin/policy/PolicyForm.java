package io.pepper.admin.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.ui.FieldErrors;
import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.TrendSensitivity;
import org.jspecify.annotations.Nullable;

/**
 * A policy as the web form edits it: {@code appliesTo} chooses between one endpoint, a
 * tag and the organization's default; numbers are typed as text and parsed here, the rest
 * is checked by {@link PolicyService}.
 *
 * @param name what people call it
 * @param appliesTo endpoint, tag or default
 * @param endpointId the endpoint, when it applies to one
 * @param tag the tag, when it applies to one
 * @param failuresToOpen failed checks in a row before it counts as down
 * @param locationsToConfirm how many locations must agree
 * @param successesToResolve correct checks in a row to resolve
 * @param apdexFloor Apdex floor from 0 to 1, or empty
 * @param trendSensitivity off, low, medium or high
 * @param reminderIntervalMinutes minutes between reminders, or empty for none
 * @param channelIds the channels notified
 */
record PolicyForm(@Nullable String name, @Nullable String appliesTo, @Nullable String endpointId, @Nullable String tag,
		@Nullable String failuresToOpen, @Nullable String locationsToConfirm, @Nullable String successesToResolve,
		@Nullable String apdexFloor, @Nullable String trendSensitivity, @Nullable String reminderIntervalMinutes,
		@Nullable List<String> channelIds) {

	static final String ENDPOINT = "endpoint";

	static final String TAG = "tag";

	static final String DEFAULT = "default";

	static PolicyForm blank() {
		AlertPolicy d = AlertPolicy.DEFAULT;
		return new PolicyForm("", ENDPOINT, "", "", String.valueOf(d.failuresToOpen()),
				String.valueOf(d.locationsToConfirm()), String.valueOf(d.successesToResolve()), "",
				d.trendSensitivity().name(), "", List.of());
	}

	static PolicyForm of(PolicySettings settings) {
		AlertPolicy rules = settings.rules();
		String appliesTo = (settings.endpointId() != null) ? ENDPOINT : (settings.tag() != null) ? TAG : DEFAULT;
		return new PolicyForm(settings.name(), appliesTo,
				(settings.endpointId() != null) ? settings.endpointId().toString() : "",
				Objects.requireNonNullElse(settings.tag(), ""), String.valueOf(rules.failuresToOpen()),
				String.valueOf(rules.locationsToConfirm()), String.valueOf(rules.successesToResolve()),
				(rules.apdexFloor() != null) ? String.valueOf(rules.apdexFloor()) : "", rules.trendSensitivity().name(),
				(rules.reminderIntervalMinutes() != null) ? String.valueOf(rules.reminderIntervalMinutes()) : "",
				rules.channelIds().stream().map(UUID::toString).toList());
	}

	PolicyRequest toRequest(FieldErrors errors) {
		String where = Objects.requireNonNullElse(this.appliesTo, DEFAULT);
		UUID endpoint = null;
		String chosenTag = null;
		if (where.equals(ENDPOINT)) {
			endpoint = uuid("endpointId", this.endpointId, errors);
			if (endpoint == null && !errors.has("endpointId")) {
				errors.add("endpointId", "choose an endpoint");
			}
		}
		else if (where.equals(TAG)) {
			chosenTag = (this.tag == null || this.tag.isBlank()) ? null : this.tag.strip();
			if (chosenTag == null) {
				errors.add("tag", "give the tag it applies to");
			}
		}
		else if (!where.equals(DEFAULT)) {
			errors.add("appliesTo", "choose an endpoint, a tag or the organization's default");
		}
		List<UUID> channels = new ArrayList<>();
		for (String id : Objects.requireNonNullElse(this.channelIds, List.<String>of())) {
			UUID parsed = uuid("channelIds", id, errors);
			if (parsed != null) {
				channels.add(parsed);
			}
		}
		return new PolicyRequest(this.name, endpoint, chosenTag, number("failuresToOpen", this.failuresToOpen, errors),
				number("locationsToConfirm", this.locationsToConfirm, errors),
				number("successesToResolve", this.successesToResolve, errors), apdex(errors), sensitivity(errors),
				number("reminderIntervalMinutes", this.reminderIntervalMinutes, errors), channels);
	}

	private @Nullable Double apdex(FieldErrors errors) {
		if (this.apdexFloor == null || this.apdexFloor.isBlank()) {
			return null;
		}
		try {
			double value = Double.parseDouble(this.apdexFloor.strip());
			if (!Double.isFinite(value)) {
				errors.add("apdexFloor", "must be a number from 0 to 1");
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			errors.add("apdexFloor", "must be a number from 0 to 1");
			return null;
		}
	}

	private @Nullable TrendSensitivity sensitivity(FieldErrors errors) {
		if (this.trendSensitivity == null || this.trendSensitivity.isBlank()) {
			return null;
		}
		try {
			return TrendSensitivity.valueOf(this.trendSensitivity.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add("trendSensitivity", "choose off, low, medium or high");
			return null;
		}
	}

	private static @Nullable UUID uuid(String field, @Nullable String text, FieldErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.add(field, "is not one of the choices");
			return null;
		}
	}

	private static @Nullable Integer number(String field, @Nullable String text, FieldErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			long value = Long.parseLong(text.strip());
			if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
				errors.add(field, "is far too large");
				return null;
			}
			return (int) value;
		}
		catch (NumberFormatException ex) {
			errors.add(field, "must be a whole number");
			return null;
		}
	}

}
