package io.pepper.admin.alerting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.pepper.admin.secret.SecretUnreadableException;
import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.WireJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service API: what failure-service and receiver-service need to confirm, notify and
 * watch trends. The ETag covers everything but {@code generatedAt}, so an unchanged
 * configuration answers 304.
 */
@Tag(name = "Service API", description = "What the other Pepper services read, for service tokens")
@RestController
class AlertingController {

	private static final Logger logger = LoggerFactory.getLogger(AlertingController.class);

	private final AlertingSnapshots snapshots;

	AlertingController(AlertingSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Operation(operationId = "getAlertingSnapshot", summary = "Read the alerting snapshot",
			description = "What failure-service and receiver-service need to confirm, notify and watch trends; revalidate with If-None-Match.")
	@GetMapping(path = AlertingSnapshot.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> alerting(
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		AlertingSnapshot snapshot = this.snapshots.current();
		String etag = "\"" + sha256(WireJson.mapper()
			.writeValueAsBytes(List.of(snapshot.endpoints(), snapshot.channels(), snapshot.maintenanceWindows(),
					snapshot.organizations())))
				+ "\"";
		// Secrets travel in this answer: nobody in between may keep it.
		CacheControl noStore = CacheControl.noStore();
		if (matches(ifNoneMatch, etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(noStore).build();
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(noStore).body(WireJson.mapper().writeValueAsBytes(snapshot));
	}

	/** A key problem is the operator's to fix; the answer says so without the secret. */
	@ExceptionHandler
	ProblemDetail unreadable(SecretUnreadableException ex) {
		logger.error("Service API cannot serve the alerting snapshot: {}", ex.getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage());
	}

	static boolean matches(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::trim)
			.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch((tag) -> tag.equals("*") || tag.equals(etag));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
