package io.pepper.admin.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.pepper.admin.channel.NotificationChannels;
import io.pepper.admin.web.ConflictException;
import io.pepper.http.server.FieldProblem;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.admin.web.NotFoundException;
import io.pepper.admin.web.RequestChecks;
import io.pepper.contracts.v1.AlertPolicy;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and reads the alert policies of one organization. */
@Service
public class PolicyService {

	private final Policies policies;

	private final NotificationChannels channels;

	private final Validator validator;

	private final JdbcClient jdbc;

	PolicyService(Policies policies, NotificationChannels channels, Validator validator, JdbcClient jdbc) {
		this.policies = policies;
		this.channels = channels;
		this.validator = validator;
		this.jdbc = jdbc;
	}

	@Transactional
	public Policy create(UUID organizationId, PolicyRequest request) {
		PolicySettings settings = check(organizationId, request, null);
		return this.policies.saveAndFlush(new Policy(organizationId, settings));
	}

	@Transactional
	public Policy update(UUID organizationId, UUID id, PolicyRequest request) {
		Policy policy = get(organizationId, id);
		policy.apply(check(organizationId, request, policy));
		return this.policies.saveAndFlush(policy);
	}

	@Transactional
	public void delete(UUID organizationId, UUID id) {
		this.policies.delete(get(organizationId, id));
	}

	@Transactional(readOnly = true)
	public List<Policy> list(UUID organizationId) {
		return this.policies.findByOrganizationIdOrderByName(organizationId);
	}

	@Transactional(readOnly = true)
	public Policy get(UUID organizationId, UUID id) {
		return this.policies.findByIdAndOrganizationId(id, organizationId)
			.orElseThrow(() -> new NotFoundException("No policy " + id));
	}

	private PolicySettings check(UUID organizationId, PolicyRequest request, @Nullable Policy existing) {
		List<FieldProblem> problems = new ArrayList<>(RequestChecks.problems(this.validator, request, ""));
		if (request.endpointId() != null && request.tag() != null) {
			problems.add(new FieldProblem("tag", "give endpointId or tag, not both"));
		}
		if (request.endpointId() != null && !endpointExists(organizationId, request.endpointId())) {
			problems.add(new FieldProblem("endpointId", "no endpoint " + request.endpointId()));
		}
		List<UUID> channelIds = List
			.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(request.channelIds(), List.<UUID>of())));
		if (!channelIds.isEmpty() && !problems.stream().anyMatch((p) -> p.field().startsWith("channelIds"))) {
			List<UUID> existingIds = this.channels.findExistingIds(organizationId, channelIds);
			List<String> unknown = channelIds.stream()
				.filter((id) -> !existingIds.contains(id))
				.map(UUID::toString)
				.toList();
			if (!unknown.isEmpty()) {
				problems.add(new FieldProblem("channelIds", "unknown channel(s): " + String.join(", ", unknown)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		AlertPolicy d = AlertPolicy.DEFAULT;
		PolicySettings settings = new PolicySettings(Objects.requireNonNull(request.name()).strip(),
				request.endpointId(), (request.tag() != null) ? request.tag().strip() : null,
				new AlertPolicy(Objects.requireNonNullElse(request.failuresToOpen(), d.failuresToOpen()),
						Objects.requireNonNullElse(request.locationsToConfirm(), d.locationsToConfirm()),
						Objects.requireNonNullElse(request.successesToResolve(), d.successesToResolve()),
						request.apdexFloor(),
						Objects.requireNonNullElse(request.trendSensitivity(), d.trendSensitivity()),
						request.reminderIntervalMinutes(), channelIds));
		UUID self = (existing != null) ? existing.getId() : null;
		for (Policy other : this.policies.findByOrganizationIdOrderByName(organizationId)) {
			if (other.getId().equals(self)) {
				continue;
			}
			PolicySettings o = other.getSettings();
			if (o.name().equals(settings.name())) {
				throw new ConflictException("name",
						"a policy named '" + settings.name() + "' already exists in this organization");
			}
			Optional<String> clash = clash(o, settings);
			if (clash.isPresent()) {
				throw new ConflictException(clash.get(), "policy '" + o.name() + "' already applies there");
			}
		}
		return settings;
	}

	/** The field that makes two policies apply to the same place, if they do. */
	private static Optional<String> clash(PolicySettings a, PolicySettings b) {
		if (a.endpointId() != null) {
			return a.endpointId().equals(b.endpointId()) ? Optional.of("endpointId") : Optional.empty();
		}
		if (a.tag() != null) {
			return a.tag().equals(b.tag()) ? Optional.of("tag") : Optional.empty();
		}
		return (b.endpointId() == null && b.tag() == null) ? Optional.of("endpointId") : Optional.empty();
	}

	private boolean endpointExists(UUID organizationId, UUID endpointId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM endpoints WHERE id = :id AND organization_id = :org)")
			.param("id", endpointId)
			.param("org", organizationId)
			.query(Boolean.class)
			.single();
	}

}
