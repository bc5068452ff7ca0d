package io.pepper.contracts.v1;

/**
 * An inclusive range of HTTP status codes a check accepts; a single code is a range of
 * one.
 *
 * @param from the lowest accepted code
 * @param to the highest accepted code
 */
public record StatusRange(int from, int to) {

	/** What an endpoint accepts when nothing else is configured. */
	public static final StatusRange SUCCESS = new StatusRange(200, 299);

	public StatusRange {
		Require.between(from, 100, 599, "from");
		Require.between(to, 100, 599, "to");
		if (from > to) {
			throw new IllegalArgumentException("from (" + from + ") must not be greater than to (" + to + ")");
		}
	}

	public static StatusRange of(int code) {
		return new StatusRange(code, code);
	}

	public boolean contains(int status) {
		return status >= this.from && status <= this.to;
	}

}
