package io.pepper.contracts.v1;

/** The record types a DNS check can ask for. */
public enum DnsRecordType {

	A, AAAA, CNAME, MX, TXT, NS

}
