package io.pepper.admin.endpoint;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.token.ApiCaller;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.admin.web.RequestChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The endpoints of the caller's organization, for API clients with a personal token. */
@Tag(name = "Endpoints", description = "The monitored HTTP, TCP, DNS and TLS endpoints")
@RestController
@RequestMapping(EndpointController.PATH)
class EndpointController {

	static final String PATH = "/api/v1/endpoints";

	static final String TOTAL_COUNT = "X-Total-Count";

	static final int MAX_PAGE_SIZE = 1000;

	static final int MAX_PAGE = 1_000_000;

	private final EndpointService endpoints;

	EndpointController(EndpointService endpoints) {
		this.endpoints = endpoints;
	}

	@Operation(operationId = "createEndpoint", summary = "Create an endpoint",
			description = "Validates the whole request, then stores it; nothing is stored when it is invalid. Names are unique in the organization.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<EndpointView> create(@AuthenticationPrincipal ApiCaller caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = EndpointRequest.class))) @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		Endpoint endpoint = this.endpoints.create(caller.organizationId(), read(body));
		return ResponseEntity.created(uris.path(PATH + "/{id}").build(endpoint.getId()))
			.body(EndpointView.of(endpoint));
	}

	/**
	 * One page of endpoints by name, as a JSON array; {@code X-Total-Count} says how many
	 * match in all.
	 */
	@Operation(operationId = "listEndpoints", summary = "List the endpoints, one page at a time",
			description = "Endpoints by name, filtered by q (name or URL, any case) and tag. X-Total-Count says how many match in all.")
	@GetMapping
	ResponseEntity<List<EndpointView>> list(@AuthenticationPrincipal ApiCaller caller,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String tag,
			@Parameter(description = "The page, from 0",
					schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "" + MAX_PAGE,
							defaultValue = "0")) @RequestParam(defaultValue = "0") String page,
			@Parameter(description = "Endpoints per page",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_PAGE_SIZE,
							defaultValue = "100")) @RequestParam(defaultValue = "100") String size) {
		// Read as text, so that a bad one is answered field by field.
		int pageNumber = number("page", page, 0, MAX_PAGE);
		int pageSize = number("size", size, 1, MAX_PAGE_SIZE);
		Page<Endpoint> found = this.endpoints.search(caller.organizationId(), q, tag, pageNumber, pageSize);
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(found.getTotalElements()))
			.body(found.getContent().stream().map(EndpointView::of).toList());
	}

	/** Replaces every setting; fields left out take their defaults, as on create. */
	@Operation(operationId = "updateEndpoint", summary = "Replace an endpoint",
			description = "Replaces every setting; fields left out take their defaults, as on create.")
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	EndpointView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = EndpointRequest.class))) @RequestBody byte[] body) {
		return EndpointView.of(this.endpoints.update(caller.organizationId(), id, read(body)));
	}

	@Operation(operationId = "pauseEndpoint", summary = "Pause the checks of an endpoint",
			description = "Stops its checks until it is resumed.")
	@PostMapping("/{id}/pause")
	EndpointView pause(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		return EndpointView.of(this.endpoints.pause(caller.organizationId(), id));
	}

	@Operation(operationId = "resumeEndpoint", summary = "Resume the checks of an endpoint",
			description = "Starts its checks again.")
	@PostMapping("/{id}/resume")
	EndpointView resume(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		return EndpointView.of(this.endpoints.resume(caller.organizationId(), id));
	}

	@Operation(operationId = "deleteEndpoint", summary = "Delete an endpoint",
			description = "Deletes the endpoint; its own policy goes with it and windows forget it.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		this.endpoints.delete(caller.organizationId(), id);
		return ResponseEntity.noContent().build();
	}

	private static EndpointRequest read(byte[] body) {
		return RequestChecks.read(body, EndpointRequest.class);
	}

	private static int number(String field, String value, int min, int max) {
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidInputException(field, "must be a whole number from " + min + " to " + max);
	}

	@Operation(operationId = "getEndpoint", summary = "Read an endpoint",
			description = "One endpoint of the token's organization; any other id is 404.")
	@GetMapping("/{id}")
	EndpointView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		return EndpointView.of(this.endpoints.get(caller.organizationId(), id));
	}

}
