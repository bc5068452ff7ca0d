package io.pepper.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daemon mode: the web server answers health checks and Prometheus scrapes without
 * credentials, and logs can be structured JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pepper.probe.location=local", "pepper.probe.admin-url=http://127.0.0.1:9",
				"pepper.probe.admin-token=admin", "pepper.probe.receiver-url=http://127.0.0.1:9",
				"pepper.probe.receiver-token=receiver", "pepper.probe.failure-url=http://127.0.0.1:9",
				"pepper.probe.failure-token=failure", "pepper.probe.interval=24h",
				"pepper.probe.allowed-targets=127.0.0.1/32, ::1/128", "logging.structured.format.console=ecs" })
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
	void exposesTheProbesMetricsToPrometheus() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("pepper_probe_checks_total{outcome=\"up\"}")
			.contains("pepper_probe_checks_total{outcome=\"dns_failure\"}")
			.contains("pepper_probe_check_duration_seconds_bucket{phase=\"first_byte\"")
			.contains("pepper_probe_delivery_buffered{service=\"receiver\"}")
			.contains("pepper_probe_delivery_dropped_total{reason=\"buffer_full\",service=\"failure-service\"}")
			.contains("pepper_probe_checks_in_flight ");
	}

	@Test
	void logsStructuredJsonWhenAsked(CapturedOutput output) {
		assertThat(output.getOut().lines().filter((line) -> line.startsWith("{")))
			.anySatisfy((line) -> assertThat(line).contains("\"ecs\":{\"version\"")
				.contains("\"service\":{\"name\":\"probe\""));
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
