package io.pepper.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Daemon mode: the web server answers health checks without credentials. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pepper.probe.location=local", "pepper.probe.admin-url=http://127.0.0.1:9",
				"pepper.probe.admin-token=admin", "pepper.probe.receiver-url=http://127.0.0.1:9",
				"pepper.probe.receiver-token=receiver", "pepper.probe.failure-url=http://127.0.0.1:9",
				"pepper.probe.failure-token=failure", "pepper.probe.interval=24h",
				"pepper.probe.allowed-targets=127.0.0.1/32, ::1/128" })
class ProbeApplicationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private ProbeProperties properties;

	@Test
	void answersHealthChecksWithoutCredentials() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void bindsSettingsWithDefaults() {
		assertThat(this.properties.name()).isNotBlank();
		assertThat(this.properties.interval()).isEqualTo(Duration.ofHours(24));
		assertThat(this.properties.allowedTargets()).containsExactly("127.0.0.1/32", "::1/128");
		assertThat(this.properties.maxConcurrency()).isEqualTo(2000);
		assertThat(this.properties.maxBodySize().toBytes()).isEqualTo(1024 * 1024);
		assertThat(this.properties.deliveryAttempts()).isEqualTo(4);
	}

}
