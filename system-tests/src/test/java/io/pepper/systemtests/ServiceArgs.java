package io.pepper.systemtests;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments the system tests start services with, wired to real stores as in
 * production; each test adds the links to the other services it runs.
 */
final class ServiceArgs {

	private ServiceArgs() {
	}

	/**
	 * receiver-service on {@code redis} under {@code keyPrefix}, writing to InfluxDB 1.x
	 * at {@code influxUrl} in {@code influxDatabase}.
	 * @param ingestTokens the tokens that may post results
	 * @param queryToken the token that may read history
	 */
	static List<String> receiver(String redisHost, int redisPort, String keyPrefix, String influxUrl,
			String influxDatabase, List<String> ingestTokens, String queryToken) {
		return new ArrayList<>(List.of("--spring.data.redis.host=" + redisHost, "--spring.data.redis.port=" + redisPort,
				"--pepper.receiver.redis-key-prefix=" + keyPrefix,
				"--pepper.receiver.ingest-token-sha256="
						+ String.join(",", ingestTokens.stream().map(Tokens::sha256).toList()),
				"--pepper.receiver.query-token-sha256=" + Tokens.sha256(queryToken),
				"--pepper.receiver.influx.url=" + influxUrl, "--pepper.receiver.influx.database=" + influxDatabase,
				"--pepper.receiver.influx.v1-compat=true"));
	}

}
