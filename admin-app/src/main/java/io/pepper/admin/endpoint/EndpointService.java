package io.pepper.admin.endpoint;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.pepper.admin.location.Locations;
import io.pepper.http.server.FieldProblem;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.contracts.v1.CheckKind;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.HttpVersion;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and reads endpoints, always within one organization. */
@Service
public class EndpointService {

	/** The constraint PostgreSQL names for {@code UNIQUE (organization_id, name)}. */
	private static final String UNIQUE_NAME = "endpoints_organization_id_name_key";

	private final Endpoints endpoints;

	private final Locations locations;

	private final Validator validator;

	private final JdbcClient jdbc;

	EndpointService(Endpoints endpoints, Locations locations, Validator validator, JdbcClient jdbc) {
		this.endpoints = endpoints;
		this.locations = locations;
		this.validator = validator;
		this.jdbc = jdbc;
	}

	/**
	 * Validates {@code request} completely, then stores it; nothing is stored when it is
	 * invalid.
	 */
	@Transactional
	public Endpoint create(UUID organizationId, EndpointRequest request) {
		EndpointSettings settings = validate(request);
		if (this.endpoints.existsByOrganizationIdAndName(organizationId, settings.name())) {
			throw new DuplicateEndpointNameException(settings.name());
		}
		try {
			return this.endpoints.saveAndFlush(new Endpoint(organizationId, settings));
		}
		catch (DataIntegrityViolationException ex) {
			// Two concurrent creations with one name: the database's constraint decides.
			if (String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).contains(UNIQUE_NAME)) {
				throw new DuplicateEndpointNameException(settings.name());
			}
			throw ex;
		}
	}

	/** Replaces every setting of an endpoint; absent optional fields take defaults. */
	@Transactional
	public Endpoint update(UUID organizationId, UUID id, EndpointRequest request) {
		Endpoint endpoint = get(organizationId, id);
		EndpointSettings settings = validate(request);
		if (!settings.name().equals(endpoint.getName())
				&& this.endpoints.existsByOrganizationIdAndName(organizationId, settings.name())) {
			throw new DuplicateEndpointNameException(settings.name());
		}
		endpoint.update(settings);
		try {
			return this.endpoints.saveAndFlush(endpoint);
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).contains(UNIQUE_NAME)) {
				throw new DuplicateEndpointNameException(settings.name());
			}
			throw ex;
		}
	}

	@Transactional
	public Endpoint pause(UUID organizationId, UUID id) {
		Endpoint endpoint = get(organizationId, id);
		endpoint.pause();
		return this.endpoints.saveAndFlush(endpoint);
	}

	@Transactional
	public Endpoint resume(UUID organizationId, UUID id) {
		Endpoint endpoint = get(organizationId, id);
		endpoint.resume();
		return this.endpoints.saveAndFlush(endpoint);
	}

	/** Deletes an endpoint; its own policy goes with it, windows forget it. */
	@Transactional
	public void delete(UUID organizationId, UUID id) {
		Endpoint endpoint = get(organizationId, id);
		this.jdbc
			.sql("UPDATE maintenance_windows SET endpoint_ids = array_remove(endpoint_ids, :id) "
					+ "WHERE organization_id = :org AND :id = ANY (endpoint_ids)")
			.param("id", id)
			.param("org", organizationId)
			.update();
		this.endpoints.delete(endpoint);
		this.endpoints.flush();
	}

	/**
	 * A page of endpoints by name, whose name or URL contains {@code query} (any case)
	 * and which carry {@code tag}; null means no filter.
	 */
	@Transactional(readOnly = true)
	public Page<Endpoint> search(UUID organizationId, @Nullable String query, @Nullable String tag, int page,
			int size) {
		String pattern = (query == null || query.isBlank()) ? null
				: "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.endpoints.search(organizationId, pattern, (tag == null || tag.isBlank()) ? null : tag.strip(),
				PageRequest.of(page, size));
	}

	@Transactional(readOnly = true)
	public List<Endpoint> list(UUID organizationId) {
		return this.endpoints.findByOrganizationIdOrderByName(organizationId);
	}

	@Transactional(readOnly = true)
	public Endpoint get(UUID organizationId, UUID id) {
		return this.endpoints.findByIdAndOrganizationId(id, organizationId)
			.orElseThrow(() -> new EndpointNotFoundException(id));
	}

	/**
	 * Bean Validation, then the checks that need the database, then the contract's own
	 * invariants.
	 */
	public EndpointSettings validate(EndpointRequest request) {
		Set<String> known = (request.locations() != null) ? knownLocations(request.locations()) : Set.of();
		return validate(request, known);
	}

	/**
	 * Which of {@code names} are locations endpoints may choose, in one query; for
	 * validating many requests with {@link #validate(EndpointRequest, Set)}.
	 */
	@Transactional(readOnly = true)
	public Set<String> knownLocations(Collection<String> names) {
		List<String> present = names.stream().filter(Objects::nonNull).distinct().toList();
		return present.isEmpty() ? Set.of() : Set.copyOf(this.locations.findExistingNames(present));
	}

	/**
	 * As {@link #validate(EndpointRequest)}, against locations already looked up, so a
	 * document of thousands of endpoints costs one location query, not one per endpoint.
	 */
	public EndpointSettings validate(EndpointRequest request, Set<String> knownLocations) {
		List<FieldProblem> problems = new ArrayList<>(new LinkedHashSet<>(
				this.validator.validate(request).stream().map(EndpointService::toProblem).toList()));
		problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<String> locationNames = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(request.locations())));
		List<String> unknown = locationNames.stream().filter((name) -> !knownLocations.contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("locations", "unknown location(s): " + String.join(", ", unknown));
		}
		CheckKind kind = Objects.requireNonNullElse(request.kind(), CheckKind.HTTP);
		EndpointSettings settings = new EndpointSettings(Objects.requireNonNull(request.name()).strip(),
				URI.create(Objects.requireNonNull(request.url())),
				Objects.requireNonNullElse(request.method(), HttpMethod.GET),
				Objects.requireNonNullElse(request.headers(), Map.of()), request.body(),
				Objects.requireNonNullElse(request.expectedStatus(), List.of()),
				Objects.requireNonNullElse(request.assertions(), List.of()),
				Objects.requireNonNullElse(request.timeoutMs(), EndpointSettings.DEFAULT_TIMEOUT_MS),
				Objects.requireNonNullElse(request.followRedirects(), false),
				Objects.requireNonNullElse(request.apdexThresholdMs(), EndpointSettings.DEFAULT_APDEX_THRESHOLD_MS),
				Objects.requireNonNullElse(request.intervalSeconds(), EndpointSettings.DEFAULT_INTERVAL_SECONDS),
				Objects.requireNonNullElse(request.enabled(), true), locationNames,
				List.copyOf(new LinkedHashSet<>(Objects.requireNonNullElse(request.tags(), List.of()))),
				Objects.requireNonNullElse(request.httpVersion(), HttpVersion.AUTO), kind, settingsOf(request, kind));
		try {
			settings.toSpec(new UUID(0, 0), new UUID(0, 0));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("endpoint", String.valueOf(ex.getMessage()));
		}
		return settings;
	}

	private static @Nullable CheckSettings settingsOf(EndpointRequest request, CheckKind kind) {
		CheckSettings settings = request.settings();
		if (settings == null) {
			return CheckSettings.defaults(kind);
		}
		if (settings.kind() != kind) {
			throw new InvalidInputException("settings",
					"are of type " + settings.kind().scheme() + " but the endpoint's kind is " + kind
							+ ((kind == CheckKind.HTTP) ? "; an HTTP endpoint has no settings of its own" : ""));
		}
		return settings;
	}

	/**
	 * Stores endpoints validated and checked for unique names by the caller (a config
	 * import, within its transaction), in batched inserts and one flush.
	 * @return the new endpoints, in the order given
	 */
	@Transactional
	public List<Endpoint> createAll(UUID organizationId, List<EndpointSettings> settings) {
		List<Endpoint> created = this.endpoints
			.saveAll(settings.stream().map((one) -> new Endpoint(organizationId, one)).toList());
		this.endpoints.flush();
		return created;
	}

	/**
	 * Replaces the settings of endpoints of {@code organizationId} loaded by the caller's
	 * transaction, in batched updates and one flush.
	 */
	@Transactional
	public void updateAll(UUID organizationId, Map<Endpoint, EndpointSettings> changes) {
		changes.forEach((endpoint, settings) -> {
			if (!endpoint.getOrganizationId().equals(organizationId)) {
				throw new EndpointNotFoundException(endpoint.getId());
			}
			endpoint.update(settings);
		});
		this.endpoints.flush();
	}

	/**
	 * Deletes endpoints of {@code organizationId}, as {@link #delete} does one: their own
	 * policies go with them and windows forget them, in three statements for all.
	 */
	@Transactional
	public void deleteAll(UUID organizationId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return;
		}
		UUID[] array = ids.toArray(UUID[]::new);
		this.jdbc.sql("""
				UPDATE maintenance_windows
				SET endpoint_ids = ARRAY(SELECT e FROM unnest(endpoint_ids) AS e WHERE NOT (e = ANY (:ids)))
				WHERE organization_id = :org AND endpoint_ids && :ids
				""").param("ids", array).param("org", organizationId).update();
		this.endpoints.flush();
		List<Endpoint> doomed = this.endpoints.findAllById(ids)
			.stream()
			.filter((endpoint) -> endpoint.getOrganizationId().equals(organizationId))
			.toList();
		this.endpoints.deleteAll(doomed);
		this.endpoints.flush();
	}

	private static FieldProblem toProblem(ConstraintViolation<EndpointRequest> violation) {
		// "locations[0].<list element>" names the element as "locations[0]".
		String field = violation.getPropertyPath().toString().replaceAll("\\.?<[^>]+>", "");
		return new FieldProblem(field, violation.getMessage());
	}

}
