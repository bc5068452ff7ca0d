package io.pepper.admin.policy;

import java.util.List;
import java.util.UUID;

import io.pepper.admin.token.ApiCaller;
import io.pepper.admin.web.RequestChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The alert policies of the caller's organization. */
@Tag(name = "Alert policies", description = "Which channels hear about which endpoints, and after how long")
@RestController
@RequestMapping(PolicyController.PATH)
class PolicyController {

	static final String PATH = "/api/v1/policies";

	private final PolicyService policies;

	PolicyController(PolicyService policies) {
		this.policies = policies;
	}

	@Operation(operationId = "createPolicy", summary = "Create an alert policy",
			description = "A policy applies to one endpoint or to one tag, and notifies its channels.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PolicyView> create(@AuthenticationPrincipal ApiCaller caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = PolicyRequest.class))) @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		Policy policy = this.policies.create(caller.organizationId(), RequestChecks.read(body, PolicyRequest.class));
		return ResponseEntity.created(uris.path(PATH + "/{id}").build(policy.getId())).body(PolicyView.of(policy));
	}

	@Operation(operationId = "listPolicies", summary = "List the alert policies",
			description = "Every alert policy of the organization.")
	@GetMapping
	List<PolicyView> list(@AuthenticationPrincipal ApiCaller caller) {
		return this.policies.list(caller.organizationId()).stream().map(PolicyView::of).toList();
	}

	@Operation(operationId = "getPolicy", summary = "Read an alert policy", description = "One alert policy.")
	@GetMapping("/{id}")
	PolicyView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		return PolicyView.of(this.policies.get(caller.organizationId(), id));
	}

	@Operation(operationId = "updatePolicy", summary = "Replace an alert policy",
			description = "Replaces every setting of the policy.")
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	PolicyView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = PolicyRequest.class))) @RequestBody byte[] body) {
		return PolicyView
			.of(this.policies.update(caller.organizationId(), id, RequestChecks.read(body, PolicyRequest.class)));
	}

	@Operation(operationId = "deletePolicy", summary = "Delete an alert policy",
			description = "Deletes the alert policy.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		this.policies.delete(caller.organizationId(), id);
		return ResponseEntity.noContent().build();
	}

}
