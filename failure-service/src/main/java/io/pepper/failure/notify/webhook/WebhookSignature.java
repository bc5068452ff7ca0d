package io.pepper.failure.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed, two ways for one release:
 * <ul>
 * <li>Standard Webhooks: {@value #ID_HEADER}, {@value #STANDARD_TIMESTAMP_HEADER} and
 * {@value #STANDARD_SIGNATURE_HEADER} = {@code v1,} and the base64 HMAC-SHA256 of id, a
 * dot, timestamp, a dot and the body. The key is the base64 after {@code whsec_} of a
 * {@code whsec_} secret; an older secret without the prefix is used as its UTF-8 bytes
 * (the same as the secret {@code whsec_} + base64 of it).</li>
 * <li>Pepper's own, deprecated: {@value #SIGNATURE_HEADER} = {@code v1=} and the hex
 * HMAC-SHA256, keyed with the whole secret as text, of the timestamp, a dot and the
 * body.</li>
 * </ul>
 */
public final class WebhookSignature {

	/** Standard Webhooks' message id: the same on every retry of a delivery. */
	public static final String ID_HEADER = "webhook-id";

	public static final String STANDARD_TIMESTAMP_HEADER = "webhook-timestamp";

	public static final String STANDARD_SIGNATURE_HEADER = "webhook-signature";

	/** The prefix of a Standard Webhooks secret. */
	public static final String SECRET_PREFIX = "whsec_";

	public static final String TIMESTAMP_HEADER = "Pepper-Timestamp";

	public static final String SIGNATURE_HEADER = "Pepper-Signature";

	public static final String EVENT_HEADER = "Pepper-Event";

	public static final String DELIVERY_HEADER = "Pepper-Delivery";

	private WebhookSignature() {
	}

	/**
	 * The {@value #SIGNATURE_HEADER} value for a body sent at {@code timestamp} (Unix
	 * seconds).
	 */
	public static String sign(String secret, long timestamp, byte[] body) {
		Mac mac = mac(secret.getBytes(StandardCharsets.UTF_8));
		mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
	}

	/**
	 * The {@value #STANDARD_SIGNATURE_HEADER} value for message {@code id} sent at
	 * {@code timestamp} (Unix seconds).
	 */
	public static String signStandard(String secret, String id, long timestamp, byte[] body) {
		Mac mac = mac(key(secret));
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
	}

	/** The HMAC key a secret stands for in Standard Webhooks. */
	static byte[] key(String secret) {
		if (secret.startsWith(SECRET_PREFIX)) {
			try {
				return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
			}
			catch (IllegalArgumentException ex) {
				// admin-app refuses such secrets; one stored before is used as text.
			}
		}
		return secret.getBytes(StandardCharsets.UTF_8);
	}

	private static Mac mac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

}
