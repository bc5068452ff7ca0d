package io.pepper.probe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Certificates made for one test: a root, leaves it signs, and trust in it. */
public final class Tls {

	private Tls() {
	}

	public static HeldCertificate root() {
		return root("Pepper Test Root");
	}

	public static HeldCertificate root(String name) {
		return new HeldCertificate.Builder().certificateAuthority(0).commonName(name).build();
	}

	/** A leaf for {@code host}, valid from yesterday for 30 days. */
	public static HeldCertificate leaf(HeldCertificate root, String host) {
		return leaf(root, Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS), host);
	}

	public static HeldCertificate leaf(HeldCertificate root, Instant from, Instant until, String host) {
		return new HeldCertificate.Builder().signedBy(root)
			.commonName(host)
			.validityInterval(from.toEpochMilli(), until.toEpochMilli())
			.addSubjectAlternativeName(host)
			.build();
	}

	public static HandshakeCertificates server(HeldCertificate root, HeldCertificate leaf) {
		return new HandshakeCertificates.Builder().heldCertificate(leaf, root.certificate()).build();
	}

	public static SSLContext serverContext(HeldCertificate root, HeldCertificate leaf) {
		return server(root, leaf).sslContext();
	}

	public static X509TrustManager trusting(HeldCertificate root) {
		return new HandshakeCertificates.Builder().addTrustedCertificate(root.certificate()).build().trustManager();
	}

}
