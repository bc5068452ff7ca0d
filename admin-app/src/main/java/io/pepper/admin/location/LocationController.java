package io.pepper.admin.location;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.pepper.admin.web.ConflictException;
import io.pepper.admin.web.NotFoundException;
import io.pepper.admin.web.RequestChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Probe locations. They are names shared by the whole installation (endpoints of every
 * organization choose among them), so only the installation's operators
 * ({@code pepper.admin.operators}) add and retire them; everyone reads them.
 */
@Tag(name = "Locations", description = "The places probes check from")
@RestController
@RequestMapping(LocationController.PATH)
class LocationController {

	static final String PATH = "/api/v1/locations";

	private final Locations locations;

	private final Operators operators;

	private final Validator validator;

	private final JdbcClient jdbc;

	LocationController(Locations locations, Operators operators, Validator validator, JdbcClient jdbc) {
		this.locations = locations;
		this.operators = operators;
		this.validator = validator;
		this.jdbc = jdbc;
	}

	/** The locations endpoints may choose; retired ones are left out. */
	@Operation(operationId = "listLocations", summary = "List the probe locations",
			description = "The locations endpoints may choose; retired ones are left out.")
	@GetMapping
	List<LocationView> list() {
		return this.locations.findByRetiredAtIsNullOrderByName().stream().map(LocationView::of).toList();
	}

	@Operation(operationId = "createLocation", summary = "Add a probe location",
			description = "Locations belong to the installation: only its operators add them.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Transactional
	ResponseEntity<LocationView> create(@AuthenticationPrincipal(expression = "userId") UUID caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = LocationRequest.class))) @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		this.operators.require(caller);
		LocationRequest request = RequestChecks.read(body, LocationRequest.class);
		RequestChecks.validate(this.validator, request);
		String name = Objects.requireNonNull(request.name());
		if (this.locations.existsByName(name)) {
			throw new ConflictException("name", "location '" + name + "' already exists or was retired");
		}
		Location location = this.locations.saveAndFlush(new Location(name));
		return ResponseEntity.created(uris.path(PATH + "/{name}").build(name)).body(LocationView.of(location));
	}

	/**
	 * Retires a location no endpoint uses any more: it leaves the list and no endpoint
	 * may choose it. Its name is kept, so it cannot come back meaning another place.
	 */
	@Operation(operationId = "retireLocation", summary = "Retire a probe location",
			description = "Only a location no endpoint uses; its name cannot be used again.")
	@DeleteMapping("/{name}")
	@Transactional
	ResponseEntity<Void> retire(@AuthenticationPrincipal(expression = "userId") UUID caller,
			@PathVariable String name) {
		this.operators.require(caller);
		Location location = this.locations.findByName(name)
			.filter((found) -> found.getRetiredAt() == null)
			.orElseThrow(() -> new NotFoundException("No location '" + name + "'"));
		long using = this.jdbc.sql("SELECT count(*) FROM endpoints WHERE :name = ANY(locations)")
			.param("name", name)
			.query(Long.class)
			.single();
		if (using > 0) {
			throw new ConflictException("name",
					"location '" + name + "' is still chosen by " + using + " endpoint(s); move them first");
		}
		location.retire(Instant.now());
		return ResponseEntity.noContent().build();
	}

	/**
	 * A location as the API shows it.
	 *
	 * @param name its name
	 * @param createdAt when it was created
	 */
	record LocationView(String name, Instant createdAt) {

		static LocationView of(Location location) {
			return new LocationView(location.getName(), location.getCreatedAt());
		}

	}

}
