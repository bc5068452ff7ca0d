package io.pepper.contracts.v1;

/** The DNS response codes a check can expect (RFC 1035, section 4.1.1). */
public enum DnsRcode {

	NOERROR(0), FORMERR(1), SERVFAIL(2), NXDOMAIN(3), NOTIMP(4), REFUSED(5);

	private final int value;

	DnsRcode(int value) {
		this.value = value;
	}

	/** The code as it is on the wire. */
	public int value() {
		return this.value;
	}

}
