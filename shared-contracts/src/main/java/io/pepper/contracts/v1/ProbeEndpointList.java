package io.pepper.contracts.v1;

import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code GET /api/probe/v1/endpoints?location=...}: what a probe at one
 * location checks this round.
 *
 * @param location the location asked for
 * @param generatedAt when the list was made
 * @param endpoints the enabled endpoints to check from that location
 */
public record ProbeEndpointList(String location, Instant generatedAt, List<EndpointSpec> endpoints) {

	public static final String PATH = "/api/probe/v1/endpoints";

	public ProbeEndpointList {
		Require.text(location, "location");
		Require.present(generatedAt, "generatedAt");
		endpoints = Require.list(endpoints, "endpoints");
	}

}
