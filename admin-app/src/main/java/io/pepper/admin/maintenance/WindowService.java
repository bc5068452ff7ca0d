package io.pepper.admin.maintenance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.web.ConflictException;
import io.pepper.http.server.FieldProblem;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.admin.web.NotFoundException;
import io.pepper.admin.web.RequestChecks;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and reads the maintenance windows of one organization. */
@Service
public class WindowService {

	private final MaintenanceWindows windows;

	private final Validator validator;

	private final JdbcClient jdbc;

	WindowService(MaintenanceWindows windows, Validator validator, JdbcClient jdbc) {
		this.windows = windows;
		this.validator = validator;
		this.jdbc = jdbc;
	}

	@Transactional
	public MaintenanceWindow create(UUID organizationId, WindowRequest request) {
		WindowSettings settings = check(organizationId, request, null);
		return this.windows.saveAndFlush(new MaintenanceWindow(organizationId, settings));
	}

	@Transactional
	public MaintenanceWindow update(UUID organizationId, UUID id, WindowRequest request) {
		MaintenanceWindow window = get(organizationId, id);
		window.apply(check(organizationId, request, window));
		return this.windows.saveAndFlush(window);
	}

	@Transactional
	public void delete(UUID organizationId, UUID id) {
		this.windows.delete(get(organizationId, id));
	}

	@Transactional(readOnly = true)
	public List<MaintenanceWindow> list(UUID organizationId) {
		return this.windows.findByOrganizationIdOrderByName(organizationId);
	}

	@Transactional(readOnly = true)
	public MaintenanceWindow get(UUID organizationId, UUID id) {
		return this.windows.findByIdAndOrganizationId(id, organizationId)
			.orElseThrow(() -> new NotFoundException("No maintenance window " + id));
	}

	private WindowSettings check(UUID organizationId, WindowRequest request, @Nullable MaintenanceWindow existing) {
		List<FieldProblem> problems = new ArrayList<>(RequestChecks.problems(this.validator, request, ""));
		List<UUID> endpointIds = List
			.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(request.endpointIds(), List.<UUID>of())));
		if (!endpointIds.isEmpty() && problems.stream().noneMatch((p) -> p.field().startsWith("endpointIds"))) {
			List<UUID> known = this.jdbc
				.sql("SELECT id FROM endpoints WHERE organization_id = :org AND id = ANY (:ids)")
				.param("org", organizationId)
				.param("ids", endpointIds.toArray(UUID[]::new))
				.query(UUID.class)
				.list();
			List<String> unknown = endpointIds.stream()
				.filter((id) -> !known.contains(id))
				.map(UUID::toString)
				.toList();
			if (!unknown.isEmpty()) {
				problems.add(new FieldProblem("endpointIds", "unknown endpoint(s): " + String.join(", ", unknown)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String name = Objects.requireNonNull(request.name()).strip();
		boolean renamed = existing == null || !existing.getName().equals(name);
		if (renamed && this.windows.existsByOrganizationIdAndName(organizationId, name)) {
			throw new ConflictException("name",
					"a maintenance window named '" + name + "' already exists in this organization");
		}
		return new WindowSettings(name, Objects.requireNonNull(request.schedule()), endpointIds,
				List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(request.tags(), List.<String>of())
					.stream()
					.map(String::strip)
					.toList())));
	}

}
