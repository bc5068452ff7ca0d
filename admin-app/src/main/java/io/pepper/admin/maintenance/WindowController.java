package io.pepper.admin.maintenance;

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

/** The maintenance windows of the caller's organization. */
@Tag(name = "Maintenance windows", description = "Times when failures do not alert")
@RestController
@RequestMapping(WindowController.PATH)
class WindowController {

	static final String PATH = "/api/v1/maintenance-windows";

	private final WindowService windows;

	WindowController(WindowService windows) {
		this.windows = windows;
	}

	@Operation(operationId = "createMaintenanceWindow", summary = "Create a maintenance window",
			description = "A one-off or weekly window over endpoints and tags, during which their failures do not alert.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WindowView> create(@AuthenticationPrincipal ApiCaller caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = WindowRequest.class))) @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		MaintenanceWindow window = this.windows.create(caller.organizationId(),
				RequestChecks.read(body, WindowRequest.class));
		return ResponseEntity.created(uris.path(PATH + "/{id}").build(window.getId())).body(WindowView.of(window));
	}

	@Operation(operationId = "listMaintenanceWindows", summary = "List the maintenance windows",
			description = "Every maintenance window of the organization.")
	@GetMapping
	List<WindowView> list(@AuthenticationPrincipal ApiCaller caller) {
		return this.windows.list(caller.organizationId()).stream().map(WindowView::of).toList();
	}

	@Operation(operationId = "getMaintenanceWindow", summary = "Read a maintenance window",
			description = "One maintenance window.")
	@GetMapping("/{id}")
	WindowView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		return WindowView.of(this.windows.get(caller.organizationId(), id));
	}

	@Operation(operationId = "updateMaintenanceWindow", summary = "Replace a maintenance window",
			description = "Replaces the window.")
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	WindowView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = WindowRequest.class))) @RequestBody byte[] body) {
		return WindowView
			.of(this.windows.update(caller.organizationId(), id, RequestChecks.read(body, WindowRequest.class)));
	}

	@Operation(operationId = "deleteMaintenanceWindow", summary = "Delete a maintenance window",
			description = "Deletes the window.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		this.windows.delete(caller.organizationId(), id);
		return ResponseEntity.noContent().build();
	}

}
