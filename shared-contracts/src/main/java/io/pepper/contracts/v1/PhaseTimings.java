package io.pepper.contracts.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How long each phase of a check took, in milliseconds. A phase that did not happen (no
 * DNS for an IP literal, no TLS over plain HTTP, nothing after a failure) is null.
 *
 * @param dnsMs name resolution
 * @param connectMs TCP connect
 * @param tlsMs TLS handshake
 * @param firstByteMs from the start of the check to the first byte of the response
 * @param totalMs from the start of the check to its end
 */
public record PhaseTimings(@Nullable Double dnsMs, @Nullable Double connectMs, @Nullable Double tlsMs,
		@Nullable Double firstByteMs, @JsonProperty(required = true) double totalMs) {

	public PhaseTimings {
		Require.millis(dnsMs, "timings.dnsMs");
		Require.millis(connectMs, "timings.connectMs");
		Require.millis(tlsMs, "timings.tlsMs");
		Require.millis(firstByteMs, "timings.firstByteMs");
		Require.millis(totalMs, "timings.totalMs");
	}

}
