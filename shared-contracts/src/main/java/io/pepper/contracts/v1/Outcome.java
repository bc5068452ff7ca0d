package io.pepper.contracts.v1;

import org.jspecify.annotations.Nullable;

/**
 * What a check found and why.
 *
 * @param kind the class of outcome
 * @param phase the phase the failure happened in, when known
 * @param reason a sentence for people, e.g. "expected 200-299 but got 500"
 */
public record Outcome(OutcomeKind kind, @Nullable Phase phase, String reason) {

	public Outcome {
		Require.present(kind, "outcome.kind");
		Require.storable(Require.present(reason, "outcome.reason"), "outcome.reason");
	}

	public static Outcome up() {
		return new Outcome(OutcomeKind.UP, null, "OK");
	}

	/** The endpoint answered as expected; {@code reason} says what was seen. */
	public static Outcome up(String reason) {
		return new Outcome(OutcomeKind.UP, null, reason.replace('\u0000', '\uFFFD'));
	}

	public static Outcome failed(OutcomeKind kind, @Nullable Phase phase, String reason) {
		if (kind.isUp()) {
			throw new IllegalArgumentException("a failed outcome cannot be UP");
		}
		// a reason may quote what a server sent; the wire takes no NUL
		return new Outcome(kind, phase, reason.replace('\u0000', '\uFFFD'));
	}

	public boolean isUp() {
		return this.kind.isUp();
	}

}
