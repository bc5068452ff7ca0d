package io.pepper.admin.endpoint;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.token.ApiCaller;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.admin.web.MalformedJsonException;
import io.pepper.contracts.v1.WireJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The endpoints of the caller's organization, for API clients with a personal token. */
@RestController
@RequestMapping(EndpointController.PATH)
class EndpointController {

	static final String PATH = "/api/v1/endpoints";

	/**
	 * Strict about unknown fields: a misspelt optional setting must not silently fall
	 * back to its default.
	 */
	private static final ObjectReader REQUESTS = WireJson.configure(JsonMapper.builder())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build()
		.readerFor(EndpointRequest.class);

	private final EndpointService endpoints;

	EndpointController(EndpointService endpoints) {
		this.endpoints = endpoints;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<EndpointView> create(@AuthenticationPrincipal ApiCaller caller, @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		EndpointRequest request;
		try {
			request = REQUESTS.readValue(body);
		}
		catch (JacksonException ex) {
			throw new MalformedJsonException(ex);
		}
		if (request == null) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
		Endpoint endpoint = this.endpoints.create(caller.organizationId(), request);
		return ResponseEntity.created(uris.path(PATH + "/{id}").build(endpoint.getId()))
			.body(EndpointView.of(endpoint));
	}

	@GetMapping
	List<EndpointView> list(@AuthenticationPrincipal ApiCaller caller) {
		return this.endpoints.list(caller.organizationId()).stream().map(EndpointView::of).toList();
	}

	@GetMapping("/{id}")
	EndpointView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		return EndpointView.of(this.endpoints.get(caller.organizationId(), id));
	}

}
