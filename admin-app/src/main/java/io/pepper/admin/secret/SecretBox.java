package io.pepper.admin.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.pepper.admin.AdminProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts and decrypts secrets with AES-256-GCM. A sealed value is
 * {@code <key id>:<base64 of 12-byte IV, ciphertext and tag>}; the IV is random per
 * value, and a caller-given context (e.g. the channel id and field) is bound as
 * associated data, so a ciphertext copied to another row or field does not decrypt.
 */
@Component
public class SecretBox {

	private static final String ALGORITHM = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final @Nullable String currentKeyId;

	private final Map<String, SecretKey> keys;

	@Autowired
	public SecretBox(AdminProperties properties) {
		this(properties.secrets());
	}

	public SecretBox(AdminProperties.Secrets secrets) {
		Map<String, SecretKey> keys = new HashMap<>();
		secrets.previousKeys().forEach((id, key) -> keys.put(id, key(key, "pepper.admin.secrets.previous-keys." + id)));
		if (secrets.key() != null) {
			keys.put(secrets.keyId(), key(secrets.key(), "pepper.admin.secrets.key"));
			this.currentKeyId = secrets.keyId();
		}
		else {
			this.currentKeyId = null;
		}
		this.keys = Map.copyOf(keys);
	}

	/** Whether new secrets can be stored: a current key is configured. */
	public boolean canSeal() {
		return this.currentKeyId != null;
	}

	/** Encrypts {@code plaintext} for the given context with the current key. */
	public String seal(String plaintext, String context) {
		if (this.currentKeyId == null) {
			throw new SecretsNotConfiguredException();
		}
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance(ALGORITHM);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
			return this.currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	/**
	 * Decrypts a value made by {@link #seal} for the same context; fails with a message
	 * naming the key when the key is missing or wrong.
	 */
	public String open(String sealed, String context) {
		int colon = sealed.indexOf(':');
		if (colon < 1) {
			throw new SecretUnreadableException(context, "it is not a sealed value");
		}
		String keyId = sealed.substring(0, colon);
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new SecretUnreadableException(context,
					"key '" + keyId + "' is not configured (pepper.admin.secrets.key-id / previous-keys)");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
			Cipher cipher = Cipher.getInstance(ALGORITHM);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new SecretUnreadableException(context,
					"key '" + keyId + "' does not decrypt it (wrong key, or the value was altered)");
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			throw new SecretUnreadableException(context, "it is malformed: " + ex.getMessage());
		}
	}

	private static SecretKey key(String base64, String property) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(property + " must be base64 of 32 random bytes: " + ex.getMessage());
		}
		if (bytes.length != 32) {
			throw new IllegalArgumentException(
					property + " must be base64 of 32 random bytes but has " + bytes.length + " bytes");
		}
		return new SecretKeySpec(bytes, "AES");
	}

}
