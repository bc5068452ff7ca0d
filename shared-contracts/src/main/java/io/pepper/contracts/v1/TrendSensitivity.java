package io.pepper.contracts.v1;

/** How readily the Apdex trend detector reports a sustained drop; OFF disables it. */
public enum TrendSensitivity {

	OFF, LOW, MEDIUM, HIGH

}
