package io.pepper.contracts.v1;

/** The phases of one HTTP check, in the order they happen. */
public enum Phase {

	DNS, CONNECT, TLS, FIRST_BYTE, BODY

}
