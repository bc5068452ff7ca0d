package io.pepper.admin.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.pepper.admin.channel.ChannelRequest;
import io.pepper.admin.channel.ChannelService;
import io.pepper.admin.channel.ChannelType;
import io.pepper.admin.channel.NotificationChannel;
import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.EndpointRequest;
import io.pepper.admin.endpoint.EndpointService;
import io.pepper.admin.endpoint.EndpointSettings;
import io.pepper.admin.maintenance.MaintenanceWindow;
import io.pepper.admin.maintenance.WindowRequest;
import io.pepper.admin.maintenance.WindowService;
import io.pepper.admin.maintenance.WindowSettings;
import io.pepper.admin.policy.Policy;
import io.pepper.admin.policy.PolicyRequest;
import io.pepper.admin.policy.PolicyService;
import io.pepper.admin.policy.PolicySettings;
import io.pepper.http.server.FieldProblem;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.admin.web.RequestChecks;
import io.pepper.contracts.v1.AlertPolicy;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports an organization's configuration and imports a document: everything is checked
 * first, then planned by name, then (unless a dry run) applied in one transaction, so an
 * error leaves nothing half-applied.
 */
@Service
public class ConfigService {

	static final String ENDPOINT = "endpoint";

	static final String CHANNEL = "channel";

	static final String POLICY = "policy";

	static final String WINDOW = "maintenanceWindow";

	private final EndpointService endpoints;

	private final ChannelService channels;

	private final PolicyService policies;

	private final WindowService windows;

	private final Validator validator;

	ConfigService(EndpointService endpoints, ChannelService channels, PolicyService policies, WindowService windows,
			Validator validator) {
		this.endpoints = endpoints;
		this.channels = channels;
		this.policies = policies;
		this.windows = windows;
		this.validator = validator;
	}

	@Transactional(readOnly = true)
	public ConfigDocument export(UUID organizationId) {
		List<Endpoint> endpoints = this.endpoints.list(organizationId);
		List<NotificationChannel> channels = this.channels.list(organizationId);
		Map<UUID, String> endpointNames = endpoints.stream()
			.collect(Collectors.toMap(Endpoint::getId, Endpoint::getName));
		Map<UUID, String> channelNames = channels.stream()
			.collect(Collectors.toMap(NotificationChannel::getId, NotificationChannel::getName));
		return new ConfigDocument(endpoints.stream().map((e) -> request(e.getSettings())).toList(),
				channels.stream().map(ConfigService::request).toList(),
				this.policies.list(organizationId)
					.stream()
					.map((p) -> item(p.getSettings(), endpointNames, channelNames))
					.toList(),
				this.windows.list(organizationId).stream().map((w) -> item(w.getSettings(), endpointNames)).toList());
	}

	/** Checks and plans {@code document}; applies it unless {@code dryRun}. */
	@Transactional
	public ConfigPlan importDocument(UUID organizationId, ConfigDocument document, boolean dryRun) {
		Current current = new Current(organizationId);
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, EndpointSettings> endpointSettings = new HashMap<>();
		Map<String, EndpointRequest> desiredEndpoints = checkEndpoints(document, endpointSettings, problems);
		Map<String, ChannelRequest> desiredChannels = checkChannels(document, current, problems);
		Set<String> endpointNames = (document.endpoints() != null) ? desiredEndpoints.keySet()
				: current.endpoints.keySet();
		Set<String> channelNames = (document.channels() != null) ? desiredChannels.keySet() : current.channels.keySet();
		Map<String, ConfigDocument.PolicyItem> desiredPolicies = checkPolicies(document, endpointNames, channelNames,
				problems);
		Map<String, ConfigDocument.WindowItem> desiredWindows = checkWindows(document, endpointNames, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}

		List<ConfigPlan.Change> changes = new ArrayList<>();
		int[] unchanged = { 0 };
		plan(ENDPOINT, document.endpoints() != null, desiredEndpoints.keySet(), current.endpoints.keySet(),
				(name) -> !known(current.endpoints, name).getSettings().equals(endpointSettings.get(name)), changes,
				unchanged);
		plan(CHANNEL, document.channels() != null, desiredChannels.keySet(), current.channels.keySet(),
				(name) -> this.channels.changes(known(current.channels, name), known(desiredChannels, name)), changes,
				unchanged);
		plan(POLICY, document.policies() != null, desiredPolicies.keySet(), current.policies.keySet(),
				(name) -> !normalized(current.policyItem(name)).equals(normalized(known(desiredPolicies, name))),
				changes, unchanged);
		plan(WINDOW, document.maintenanceWindows() != null, desiredWindows.keySet(), current.windows.keySet(),
				(name) -> !normalized(current.windowItem(name)).equals(normalized(known(desiredWindows, name))),
				changes, unchanged);
		ConfigPlan plan = new ConfigPlan(dryRun, changes, unchanged[0]);
		if (!dryRun) {
			apply(organizationId, current, plan, endpointSettings, desiredChannels, desiredPolicies, desiredWindows);
		}
		return plan;
	}

	private void apply(UUID organizationId, Current current, ConfigPlan plan,
			Map<String, EndpointSettings> desiredEndpoints, Map<String, ChannelRequest> desiredChannels,
			Map<String, ConfigDocument.PolicyItem> desiredPolicies,
			Map<String, ConfigDocument.WindowItem> desiredWindows) {
		// Policies and windows go first and come back last, so references never dangle.
		for (ConfigPlan.Change change : plan.changes()) {
			if (change.action() == ConfigPlan.Action.DELETE && change.kind().equals(POLICY)) {
				this.policies.delete(organizationId, known(current.policies, change.name()).getId());
			}
			if (change.action() == ConfigPlan.Action.DELETE && change.kind().equals(WINDOW)) {
				this.windows.delete(organizationId, known(current.windows, change.name()).getId());
			}
		}
		Map<String, UUID> endpointIds = new HashMap<>(current.endpointIds());
		Map<String, UUID> channelIds = new HashMap<>(current.channelIds());
		// Endpoints are the many: stored in batches, not one statement and flush each.
		List<EndpointSettings> creations = new ArrayList<>();
		Map<Endpoint, EndpointSettings> updates = new LinkedHashMap<>();
		for (ConfigPlan.Change change : plan.changes()) {
			String name = change.name();
			switch (change.kind() + ":" + change.action()) {
				case "endpoint:CREATE" -> creations.add(known(desiredEndpoints, name));
				case "endpoint:UPDATE" -> updates.put(known(current.endpoints, name), known(desiredEndpoints, name));
				case "channel:CREATE" -> channelIds.put(name,
						this.channels.create(organizationId, known(desiredChannels, name)).channel().getId());
				case "channel:UPDATE" ->
					this.channels.update(organizationId, known(channelIds, name), known(desiredChannels, name));
				default -> {
				}
			}
		}
		this.endpoints.updateAll(organizationId, updates);
		this.endpoints.createAll(organizationId, creations)
			.forEach((endpoint) -> endpointIds.put(endpoint.getName(), endpoint.getId()));
		for (ConfigPlan.Change change : plan.changes()) {
			String name = change.name();
			switch (change.kind() + ":" + change.action()) {
				case "policy:CREATE" -> this.policies.create(organizationId,
						policyRequest(known(desiredPolicies, name), endpointIds, channelIds));
				case "policy:UPDATE" -> this.policies.update(organizationId, known(current.policies, name).getId(),
						policyRequest(known(desiredPolicies, name), endpointIds, channelIds));
				case "maintenanceWindow:CREATE" ->
					this.windows.create(organizationId, windowRequest(known(desiredWindows, name), endpointIds));
				case "maintenanceWindow:UPDATE" -> this.windows.update(organizationId,
						known(current.windows, name).getId(), windowRequest(known(desiredWindows, name), endpointIds));
				default -> {
				}
			}
		}
		List<UUID> endpointDeletions = new ArrayList<>();
		for (ConfigPlan.Change change : plan.changes()) {
			if (change.action() == ConfigPlan.Action.DELETE && change.kind().equals(CHANNEL)) {
				this.channels.delete(organizationId, known(channelIds, change.name()));
			}
			if (change.action() == ConfigPlan.Action.DELETE && change.kind().equals(ENDPOINT)) {
				endpointDeletions.add(known(endpointIds, change.name()));
			}
		}
		this.endpoints.deleteAll(organizationId, endpointDeletions);
	}

	/** The value of a name the plan has already seen in {@code map}. */
	private static <V> V known(Map<String, V> map, String name) {
		return Objects.requireNonNull(map.get(name), name);
	}

	private static void plan(String kind, boolean managed, Set<String> desired, Set<String> existing,
			Function<String, Boolean> differs, List<ConfigPlan.Change> changes, int[] unchanged) {
		for (String name : desired) {
			if (!existing.contains(name)) {
				changes.add(new ConfigPlan.Change(kind, name, ConfigPlan.Action.CREATE));
			}
			else if (differs.apply(name)) {
				changes.add(new ConfigPlan.Change(kind, name, ConfigPlan.Action.UPDATE));
			}
			else {
				unchanged[0]++;
			}
		}
		for (String name : existing) {
			if (!managed) {
				unchanged[0]++;
			}
			else if (!desired.contains(name)) {
				changes.add(new ConfigPlan.Change(kind, name, ConfigPlan.Action.DELETE));
			}
		}
	}

	/**
	 * Checks every endpoint against the locations looked up once for the whole document,
	 * and keeps each one's settings in {@code settings} by name.
	 */
	private Map<String, EndpointRequest> checkEndpoints(ConfigDocument document,
			Map<String, EndpointSettings> settingsByName, List<FieldProblem> problems) {
		Map<String, EndpointRequest> desired = new LinkedHashMap<>();
		List<EndpointRequest> items = Objects.requireNonNullElse(document.endpoints(), List.of());
		Set<String> knownLocations = this.endpoints.knownLocations(items.stream()
			.filter(Objects::nonNull)
			.flatMap((request) -> Objects.requireNonNullElse(request.locations(), List.<String>of()).stream())
			.collect(Collectors.toSet()));
		for (int i = 0; i < items.size(); i++) {
			String prefix = "endpoints[" + i + "].";
			EndpointRequest request = items.get(i);
			if (request == null) {
				problems.add(new FieldProblem("endpoints[" + i + "]", "must not be empty"));
				continue;
			}
			try {
				EndpointSettings settings = this.endpoints.validate(request, knownLocations);
				unique(desired, settings.name(), request, prefix, problems);
				settingsByName.putIfAbsent(settings.name(), settings);
			}
			catch (InvalidInputException ex) {
				ex.getProblems().forEach((p) -> problems.add(new FieldProblem(prefix + p.field(), p.message())));
			}
		}
		return desired;
	}

	private Map<String, ChannelRequest> checkChannels(ConfigDocument document, Current current,
			List<FieldProblem> problems) {
		Map<String, ChannelRequest> desired = new LinkedHashMap<>();
		List<ChannelRequest> items = Objects.requireNonNullElse(document.channels(), List.of());
		for (int i = 0; i < items.size(); i++) {
			String prefix = "channels[" + i + "].";
			ChannelRequest request = items.get(i);
			if (request == null) {
				problems.add(new FieldProblem("channels[" + i + "]", "must not be empty"));
				continue;
			}
			String name = (request.name() != null) ? request.name().strip() : "";
			NotificationChannel existing = current.channels.get(name);
			List<FieldProblem> found = this.channels.problems(request, existing, prefix);
			if (existing == null && request.type() == ChannelType.WEBHOOK && request.signingSecret() == null) {
				found = new ArrayList<>(found);
				found.add(new FieldProblem(prefix + "signingSecret",
						"is required for a new webhook channel (a generated one could not be shown)"));
			}
			problems.addAll(found);
			if (found.isEmpty()) {
				unique(desired, name, request, prefix, problems);
			}
		}
		return desired;
	}

	private Map<String, ConfigDocument.PolicyItem> checkPolicies(ConfigDocument document, Set<String> endpointNames,
			Set<String> channelNames, List<FieldProblem> problems) {
		Map<String, ConfigDocument.PolicyItem> desired = new LinkedHashMap<>();
		Set<String> scopes = new HashSet<>();
		List<ConfigDocument.PolicyItem> items = Objects.requireNonNullElse(document.policies(), List.of());
		for (int i = 0; i < items.size(); i++) {
			String prefix = "policies[" + i + "].";
			ConfigDocument.PolicyItem item = items.get(i);
			if (item == null) {
				problems.add(new FieldProblem("policies[" + i + "]", "must not be empty"));
				continue;
			}
			List<FieldProblem> found = new ArrayList<>(
					RequestChecks.problems(this.validator, policyRequest(item, Map.of(), Map.of()), prefix));
			found.removeIf((p) -> p.field().startsWith(prefix + "channelIds"));
			if (item.endpoint() != null && !endpointNames.contains(item.endpoint())) {
				found.add(new FieldProblem(prefix + "endpoint", "no endpoint named '" + item.endpoint() + "'"));
			}
			if (item.endpoint() != null && item.tag() != null) {
				found.add(new FieldProblem(prefix + "tag", "give endpoint or tag, not both"));
			}
			for (String channel : Objects.requireNonNullElse(item.channels(), List.<String>of())) {
				if (channel == null || !channelNames.contains(channel)) {
					found.add(new FieldProblem(prefix + "channels", "no channel named '" + channel + "'"));
				}
			}
			String scope = (item.endpoint() != null) ? "endpoint:" + item.endpoint()
					: (item.tag() != null) ? "tag:" + item.tag().strip() : "default";
			if (found.isEmpty() && !scopes.add(scope)) {
				found.add(new FieldProblem(prefix + ((item.tag() != null) ? "tag" : "endpoint"),
						"another policy already applies there"));
			}
			problems.addAll(found);
			if (found.isEmpty()) {
				unique(desired, Objects.requireNonNull(item.name()).strip(), item, prefix, problems);
			}
		}
		return desired;
	}

	private Map<String, ConfigDocument.WindowItem> checkWindows(ConfigDocument document, Set<String> endpointNames,
			List<FieldProblem> problems) {
		Map<String, ConfigDocument.WindowItem> desired = new LinkedHashMap<>();
		List<ConfigDocument.WindowItem> items = Objects.requireNonNullElse(document.maintenanceWindows(), List.of());
		for (int i = 0; i < items.size(); i++) {
			String prefix = "maintenanceWindows[" + i + "].";
			ConfigDocument.WindowItem item = items.get(i);
			if (item == null) {
				problems.add(new FieldProblem("maintenanceWindows[" + i + "]", "must not be empty"));
				continue;
			}
			List<FieldProblem> found = new ArrayList<>(
					RequestChecks.problems(this.validator, windowRequest(item, Map.of()), prefix));
			found.removeIf((p) -> p.field().startsWith(prefix + "endpointIds"));
			for (String endpoint : Objects.requireNonNullElse(item.endpoints(), List.<String>of())) {
				if (endpoint == null || !endpointNames.contains(endpoint)) {
					found.add(new FieldProblem(prefix + "endpoints", "no endpoint named '" + endpoint + "'"));
				}
			}
			problems.addAll(found);
			if (found.isEmpty()) {
				unique(desired, Objects.requireNonNull(item.name()).strip(), item, prefix, problems);
			}
		}
		return desired;
	}

	private static <T> void unique(Map<String, T> desired, String name, T item, String prefix,
			List<FieldProblem> problems) {
		if (desired.putIfAbsent(name, item) != null) {
			problems.add(new FieldProblem(prefix + "name", "'" + name + "' appears more than once"));
		}
	}

	private static PolicyRequest policyRequest(ConfigDocument.PolicyItem item, Map<String, UUID> endpointIds,
			Map<String, UUID> channelIds) {
		return new PolicyRequest(item.name(), (item.endpoint() != null) ? endpointIds.get(item.endpoint()) : null,
				item.tag(), item.failuresToOpen(), item.locationsToConfirm(), item.successesToResolve(),
				item.apdexFloor(), item.trendSensitivity(), item.reminderIntervalMinutes(),
				Objects.requireNonNullElse(item.channels(), List.<String>of())
					.stream()
					.map(channelIds::get)
					.filter(Objects::nonNull)
					.toList());
	}

	private static WindowRequest windowRequest(ConfigDocument.WindowItem item, Map<String, UUID> endpointIds) {
		return new WindowRequest(item.name(), item.schedule(),
				Objects.requireNonNullElse(item.endpoints(), List.<String>of())
					.stream()
					.map(endpointIds::get)
					.filter(Objects::nonNull)
					.toList(),
				item.tags());
	}

	/** A policy item with defaults filled in, for comparison. */
	private static ConfigDocument.PolicyItem normalized(ConfigDocument.PolicyItem item) {
		AlertPolicy d = AlertPolicy.DEFAULT;
		return new ConfigDocument.PolicyItem(Objects.requireNonNull(item.name()).strip(), item.endpoint(),
				(item.tag() != null) ? item.tag().strip() : null,
				Objects.requireNonNullElse(item.failuresToOpen(), d.failuresToOpen()),
				Objects.requireNonNullElse(item.locationsToConfirm(), d.locationsToConfirm()),
				Objects.requireNonNullElse(item.successesToResolve(), d.successesToResolve()), item.apdexFloor(),
				Objects.requireNonNullElse(item.trendSensitivity(), d.trendSensitivity()),
				item.reminderIntervalMinutes(),
				List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(item.channels(), List.<String>of()))));
	}

	private static ConfigDocument.WindowItem normalized(ConfigDocument.WindowItem item) {
		return new ConfigDocument.WindowItem(Objects.requireNonNull(item.name()).strip(), item.schedule(),
				List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(item.endpoints(), List.<String>of()))),
				List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(item.tags(), List.<String>of())
					.stream()
					.map(String::strip)
					.toList())));
	}

	static EndpointRequest request(EndpointSettings s) {
		return new EndpointRequest(s.name(), s.url().toString(), s.method(), s.headers(), s.body(), s.expectedStatus(),
				s.assertions(), s.timeoutMs(), s.followRedirects(), s.apdexThresholdMs(), s.intervalSeconds(),
				s.enabled(), s.locations(), s.tags(), s.httpVersion(), s.kind(), s.settings());
	}

	static ChannelRequest request(NotificationChannel channel) {
		return ChannelRequest.masked(channel);
	}

	static ConfigDocument.PolicyItem item(PolicySettings s, Map<UUID, String> endpointNames,
			Map<UUID, String> channelNames) {
		AlertPolicy r = s.rules();
		return new ConfigDocument.PolicyItem(s.name(),
				(s.endpointId() != null) ? endpointNames.get(s.endpointId()) : null, s.tag(), r.failuresToOpen(),
				r.locationsToConfirm(), r.successesToResolve(), r.apdexFloor(), r.trendSensitivity(),
				r.reminderIntervalMinutes(), r.channelIds().stream().map(channelNames::get).toList());
	}

	static ConfigDocument.WindowItem item(WindowSettings s, Map<UUID, String> endpointNames) {
		return new ConfigDocument.WindowItem(s.name(), s.schedule(),
				s.endpointIds().stream().map(endpointNames::get).filter(Objects::nonNull).toList(), s.tags());
	}

	/** What the organization has now, by name. */
	private final class Current {

		final Map<String, Endpoint> endpoints;

		final Map<String, NotificationChannel> channels;

		final Map<String, Policy> policies;

		final Map<String, MaintenanceWindow> windows;

		final Map<UUID, String> endpointNames;

		final Map<UUID, String> channelNames;

		Current(UUID organizationId) {
			this.endpoints = byName(ConfigService.this.endpoints.list(organizationId), Endpoint::getName);
			this.channels = byName(ConfigService.this.channels.list(organizationId), NotificationChannel::getName);
			this.policies = byName(ConfigService.this.policies.list(organizationId), Policy::getName);
			this.windows = byName(ConfigService.this.windows.list(organizationId), MaintenanceWindow::getName);
			this.endpointNames = this.endpoints.values()
				.stream()
				.collect(Collectors.toMap(Endpoint::getId, Endpoint::getName));
			this.channelNames = this.channels.values()
				.stream()
				.collect(Collectors.toMap(NotificationChannel::getId, NotificationChannel::getName));
		}

		Map<String, UUID> endpointIds() {
			return this.endpoints.values().stream().collect(Collectors.toMap(Endpoint::getName, Endpoint::getId));
		}

		Map<String, UUID> channelIds() {
			return this.channels.values()
				.stream()
				.collect(Collectors.toMap(NotificationChannel::getName, NotificationChannel::getId));
		}

		ConfigDocument.PolicyItem policyItem(String name) {
			return item(known(this.policies, name).getSettings(), this.endpointNames, this.channelNames);
		}

		ConfigDocument.WindowItem windowItem(String name) {
			return item(known(this.windows, name).getSettings(), this.endpointNames);
		}

		private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
			Map<String, T> byName = new LinkedHashMap<>();
			items.forEach((item) -> byName.put(name.apply(item), item));
			return byName;
		}

	}

}
