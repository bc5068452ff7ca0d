package io.pepper.admin.channel;

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

/** The notification channels of the caller's organization; secrets come back masked. */
@Tag(name = "Channels", description = "Where alerts are sent: email, Slack, webhooks, PagerDuty, ...")
@RestController
@RequestMapping(ChannelController.PATH)
class ChannelController {

	static final String PATH = "/api/v1/channels";

	private final ChannelService channels;

	ChannelController(ChannelService channels) {
		this.channels = channels;
	}

	@Operation(operationId = "createChannel", summary = "Create a notification channel",
			description = "Secrets are stored encrypted and answered masked; a signing secret Pepper generates is shown in full once, in this answer.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ChannelView> create(@AuthenticationPrincipal ApiCaller caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = ChannelRequest.class))) @RequestBody byte[] body,
			UriComponentsBuilder uris) {
		ChannelService.Created created = this.channels.create(caller.organizationId(),
				RequestChecks.read(body, ChannelRequest.class));
		return ResponseEntity.created(uris.path(PATH + "/{id}").build(created.channel().getId()))
			.body(ChannelView.of(created.channel(), created.generatedSigningSecret()));
	}

	@Operation(operationId = "listChannels", summary = "List the notification channels",
			description = "Every channel of the organization, secrets masked.")
	@GetMapping
	List<ChannelView> list(@AuthenticationPrincipal ApiCaller caller) {
		return this.channels.list(caller.organizationId()).stream().map((c) -> ChannelView.of(c, null)).toList();
	}

	@Operation(operationId = "getChannel", summary = "Read a notification channel",
			description = "One channel, secrets masked.")
	@GetMapping("/{id}")
	ChannelView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		return ChannelView.of(this.channels.get(caller.organizationId(), id), null);
	}

	@Operation(operationId = "updateChannel", summary = "Replace a notification channel",
			description = "Replaces the channel; masked or absent secrets are kept.")
	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ChannelView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = ChannelRequest.class))) @RequestBody byte[] body) {
		return ChannelView.of(
				this.channels.update(caller.organizationId(), id, RequestChecks.read(body, ChannelRequest.class)),
				null);
	}

	@Operation(operationId = "deleteChannel", summary = "Delete a notification channel",
			description = "Refused (409) while a policy still notifies it.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID id) {
		this.channels.delete(caller.organizationId(), id);
		return ResponseEntity.noContent().build();
	}

}
