package io.pepper.admin.alerting;

import java.net.URI;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.pepper.admin.channel.ChannelService;
import io.pepper.admin.channel.NotificationChannel;
import io.pepper.admin.channel.NotificationChannels;
import io.pepper.admin.maintenance.MaintenanceWindow;
import io.pepper.admin.maintenance.MaintenanceWindows;
import io.pepper.admin.organization.MembershipService;
import io.pepper.admin.policy.Policies;
import io.pepper.admin.policy.Policy;
import io.pepper.admin.policy.PolicySettings;
import io.pepper.contracts.v1.AlertPolicy;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.EndpointAlerting;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.pepper.contracts.v1.NotificationChannelSpec;
import io.pepper.contracts.v1.OrganizationContacts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the alerting snapshot of every organization in one read-only transaction, so it
 * is consistent; everything is ordered by id, so an unchanged configuration serializes
 * identically.
 */
@Component
class AlertingSnapshots {

	private static final String ENDPOINTS = """
			SELECT id, organization_id, name, url, locations, tags, apdex_threshold_ms,
				check_settings::text AS check_settings
			FROM endpoints ORDER BY id
			""";

	private final JdbcClient jdbc;

	private final Policies policies;

	private final NotificationChannels channels;

	private final MaintenanceWindows windows;

	private final ChannelService channelService;

	private final MembershipService memberships;

	AlertingSnapshots(JdbcClient jdbc, Policies policies, NotificationChannels channels, MaintenanceWindows windows,
			ChannelService channelService, MembershipService memberships) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.channels = channels;
		this.windows = windows;
		this.channelService = channelService;
		this.memberships = memberships;
	}

	@Transactional(readOnly = true)
	public AlertingSnapshot current() {
		Map<UUID, EffectivePolicies> policiesByOrganization = new HashMap<>();
		for (Policy policy : this.policies.findAll()) {
			PolicySettings settings = policy.getSettings();
			policiesByOrganization.computeIfAbsent(policy.getOrganizationId(), (id) -> new EffectivePolicies())
				.add(settings.endpointId(), settings.tag(), settings.rules());
		}
		Map<UUID, List<MaintenanceWindow>> windowsByOrganization = new HashMap<>();
		for (MaintenanceWindow window : this.windows.findAll()) {
			windowsByOrganization.computeIfAbsent(window.getOrganizationId(), (id) -> new ArrayList<>()).add(window);
		}
		Set<UUID> usedChannels = new LinkedHashSet<>();
		Set<UUID> usedWindows = new LinkedHashSet<>();
		List<EndpointAlerting> endpoints = this.jdbc.sql(ENDPOINTS).query((row, n) -> {
			UUID id = row.getObject("id", UUID.class);
			UUID organizationId = row.getObject("organization_id", UUID.class);
			List<String> tags = strings(row.getArray("tags"));
			AlertPolicy policy = policiesByOrganization.getOrDefault(organizationId, new EffectivePolicies())
				.resolve(id, tags);
			usedChannels.addAll(policy.channelIds());
			List<UUID> covering = windowsByOrganization.getOrDefault(organizationId, List.of())
				.stream()
				.filter((window) -> window.covers(id, tags))
				.map(MaintenanceWindow::getId)
				.sorted()
				.toList();
			usedWindows.addAll(covering);
			// A TLS check's certificate is warned about ahead of its expiry.
			List<Integer> warningDays = (io.pepper.admin.endpoint.EndpointJson
				.readSettings(row.getString("check_settings")) instanceof CheckSettings.Tls tls)
						? tls.expiryWarningDays() : List.of();
			return new EndpointAlerting(id, organizationId, row.getString("name"), URI.create(row.getString("url")),
					strings(row.getArray("locations")), tags, row.getInt("apdex_threshold_ms"), policy, covering,
					warningDays);
		}).list();
		List<NotificationChannelSpec> channelSpecs = this.channels.findAllById(usedChannels)
			.stream()
			.sorted(Comparator.comparing(NotificationChannel::getId))
			.map(this.channelService::decrypted)
			.toList();
		List<MaintenanceWindowSpec> windowSpecs = this.windows.findAllById(usedWindows)
			.stream()
			.sorted(Comparator.comparing(MaintenanceWindow::getId))
			.map(MaintenanceWindow::toSpec)
			.toList();
		List<OrganizationContacts> contacts = this.memberships.alertContacts()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> new OrganizationContacts(entry.getKey(), entry.getValue()))
			.toList();
		return new AlertingSnapshot(Instant.now().truncatedTo(ChronoUnit.MILLIS), endpoints, channelSpecs, windowSpecs,
				contacts);
	}

	private static List<String> strings(Array array) throws SQLException {
		try {
			return Arrays.asList((String[]) array.getArray());
		}
		finally {
			array.free();
		}
	}

}
