package io.pepper.admin.endpoint;

import java.util.List;
import java.util.UUID;

/**
 * One line of the endpoint list: only what the list shows, read without entities.
 *
 * @param id the endpoint
 * @param name its name
 * @param url the URL checked
 * @param method the request method, or the kind of a check that is not HTTP (TCP, DNS,
 * TLS)
 * @param enabled whether probes check it
 * @param intervalSeconds how often it is checked
 * @param locations where it is checked from
 * @param tags its labels
 */
public record EndpointRow(UUID id, String name, String url, String method, boolean enabled, int intervalSeconds,
		List<String> locations, List<String> tags) {

}
