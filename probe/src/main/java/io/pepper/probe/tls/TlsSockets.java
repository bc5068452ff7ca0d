package io.pepper.probe.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.conscrypt.Conscrypt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of every check that speaks TLS: which implementation, which trusted roots,
 * and sockets that never resume a session. Conscrypt is used as a provider of SSL
 * contexts only, never installed JVM-wide, so the probe's own service calls keep JSSE.
 */
public final class TlsSockets {

	private static final Logger log = LoggerFactory.getLogger(TlsSockets.class);

	private final TlsProvider provider;

	private final @Nullable Provider conscrypt;

	private final X509TrustManager trust;

	private final FreshSessionSocketFactory factory;

	private TlsSockets(TlsProvider provider, @Nullable Provider conscrypt, X509TrustManager trust) {
		this.provider = provider;
		this.conscrypt = conscrypt;
		this.trust = trust;
		this.factory = new FreshSessionSocketFactory(this::newContext, this::prepare);
	}

	/**
	 * TLS from {@code requested}, or JSSE when that is Conscrypt and its native library
	 * cannot load here (another CPU or OS); says which in the log.
	 */
	public static TlsSockets create(TlsProvider requested, X509TrustManager trust) {
		if (requested == TlsProvider.CONSCRYPT) {
			String unavailable = conscryptUnavailable();
			if (unavailable == null) {
				Conscrypt.Version version = Conscrypt.version();
				log.info("TLS checks use Conscrypt {}.{}.{} (BoringSSL, native)", version.major(), version.minor(),
						version.patch());
				return new TlsSockets(TlsProvider.CONSCRYPT, Conscrypt.newProvider(), trust);
			}
			log.warn("TLS checks use JSSE: Conscrypt's native library is not available on {} {} ({})",
					System.getProperty("os.name"), System.getProperty("os.arch"), unavailable);
		}
		else {
			log.info("TLS checks use JSSE (pepper.probe.tls-provider=jsse)");
		}
		return new TlsSockets(TlsProvider.JSSE, null, trust);
	}

	private static @Nullable String conscryptUnavailable() {
		try {
			if (Conscrypt.isAvailable()) {
				return null;
			}
			Throwable cause = null;
			try {
				Conscrypt.checkAvailability();
			}
			catch (Throwable ex) {
				cause = ex;
			}
			return (cause != null) ? String.valueOf(cause.getMessage()) : "no native library";
		}
		catch (LinkageError ex) {
			return ex.toString();
		}
	}

	/** The implementation in use, after any fallback. */
	public TlsProvider provider() {
		return this.provider;
	}

	/** The roots server certificates are verified against. */
	public X509TrustManager trustManager() {
		return this.trust;
	}

	/**
	 * Sockets that each get an SSL context of their own, so every connection makes, times
	 * and verifies a full handshake.
	 */
	public SSLSocketFactory socketFactory() {
		return this.factory;
	}

	private SSLContext newContext() {
		try {
			SSLContext context = (this.conscrypt != null) ? SSLContext.getInstance("TLS", this.conscrypt)
					: SSLContext.getInstance("TLS");
			TrustManager trust = (this.conscrypt != null) ? new ConscryptTrust(this.trust) : this.trust;
			context.init(null, new TrustManager[] { trust }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot create a TLS context", ex);
		}
	}

	private SSLSocketFactory prepare(SSLSocketFactory factory) {
		if (this.conscrypt != null) {
			// Streams over the Java socket rather than native I/O on its descriptor, so a
			// check on a virtual thread unmounts while it waits.
			Conscrypt.setUseEngineSocket(factory, true);
		}
		return factory;
	}

	/** The system's trusted roots, as the JDK ships them. */
	public static X509TrustManager systemTrust() {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init((KeyStore) null);
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509TrustManager x509) {
					return x509;
				}
			}
			throw new IllegalStateException("the JDK offers no X509TrustManager");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot load the system's trusted roots", ex);
		}
	}

}
