package io.pepper.probe.check;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a check reports of a certificate. */
public final class Certificates {

	private static final int DNS_NAME = 2;

	private static final int IP_ADDRESS = 7;

	private Certificates() {
	}

	/** The DNS names and IP addresses the certificate is for. */
	public static List<String> subjectAlternativeNames(X509Certificate certificate) {
		List<String> names = new ArrayList<>();
		try {
			Collection<List<?>> all = certificate.getSubjectAlternativeNames();
			if (all == null) {
				return names;
			}
			for (List<?> entry : all) {
				if (entry.size() >= 2 && entry.get(0) instanceof Integer type
						&& (type == DNS_NAME || type == IP_ADDRESS)) {
					names.add(String.valueOf(entry.get(1)));
				}
			}
		}
		catch (CertificateParsingException ex) {
			// an unreadable extension names nothing
		}
		return names;
	}

}
