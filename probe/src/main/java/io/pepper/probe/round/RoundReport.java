package io.pepper.probe.round;

import java.time.Instant;

/**
 * How one round went.
 *
 * @param slot the start of the round
 * @param list where its endpoint list came from
 * @param endpoints how many endpoints the list held for this probe
 * @param checks how many checks the round ran
 * @param up how many were up
 * @param failed how many failed
 * @param durationMs how long the round took
 */
public record RoundReport(Instant slot, ListStatus list, int endpoints, int checks, int up, int failed,
		long durationMs) {

}
