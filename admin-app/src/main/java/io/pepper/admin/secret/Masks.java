package io.pepper.admin.secret;

import java.net.URI;

/**
 * How secrets are shown to people: enough to recognise one, never enough to use it.
 */
public final class Masks {

	/** What people see instead of a secret, followed by its last characters. */
	public static final String HIDDEN = "••••";

	private static final int VISIBLE = 4;

	private Masks() {
	}

	/**
	 * {@code https://hooks.slack.com/…wXYZ}: scheme and host, then the last characters.
	 */
	public static String url(URI url) {
		String text = url.toString();
		String tail = (text.length() > 24) ? text.substring(text.length() - VISIBLE) : "";
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "") + "/…"
				+ tail;
	}

	/** {@code ••••abcd}: the last characters of a long secret only. */
	public static String secret(String secret) {
		return HIDDEN + ((secret.length() >= 16) ? secret.substring(secret.length() - VISIBLE) : "");
	}

	/** Whether a value sent back is a mask (so the stored secret is kept). */
	public static boolean isMask(String value) {
		return value.contains("…") || value.startsWith(HIDDEN);
	}

}
