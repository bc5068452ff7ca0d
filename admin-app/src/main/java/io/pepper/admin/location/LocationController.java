package io.pepper.admin.location;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.pepper.admin.web.ConflictException;
import io.pepper.admin.web.RequestChecks;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Validator;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Probe locations. They are names shared by the whole installation (endpoints of every
 * organization refer to them), so they can be added but not removed through the API.
 */
@RestController
@RequestMapping(LocationController.PATH)
class LocationController {

	static final String PATH = "/api/v1/locations";

	private final Locations locations;

	private final Validator validator;

	LocationController(Locations locations, Validator validator) {
		this.locations = locations;
		this.validator = validator;
	}

	@GetMapping
	List<LocationView> list() {
		return this.locations.findAll(Sort.by("name")).stream().map(LocationView::of).toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Transactional
	ResponseEntity<LocationView> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = LocationRequest.class))) @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		LocationRequest request = RequestChecks.read(body, LocationRequest.class);
		RequestChecks.validate(this.validator, request);
		String name = Objects.requireNonNull(request.name());
		if (this.locations.existsByName(name)) {
			throw new ConflictException("name", "location '" + name + "' already exists");
		}
		Location location = this.locations.saveAndFlush(new Location(name));
		return ResponseEntity.created(uris.path(PATH).build().toUri()).body(LocationView.of(location));
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
