package io.pepper.failure.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed: {@code v1=} and the hex HMAC-SHA256, keyed with the
 * channel's signing secret, of the timestamp, a dot and the body.
 */
public final class WebhookSignature {

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
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

}
