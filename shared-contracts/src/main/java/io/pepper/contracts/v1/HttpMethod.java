package io.pepper.contracts.v1;

/** The request methods a check may use. */
public enum HttpMethod {

	GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS

}
