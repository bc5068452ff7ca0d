package io.pepper.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.pepper.testsupport.PrometheusText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daemon mode: the web server answers health checks without credentials and Prometheus
 * scrapes with the scrape token only, and logs can be structured JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pepper.probe.location=local", "pepper.probe.admin-url=http://127.0.0.1:9",
				"pepper.probe.admin-token=admin", "pepper.probe.receiver-url=http://127.0.0.1:9",
				"pepper.probe.receiver-token=receiver", "pepper.probe.failure-url=http://127.0.0.1:9",
				"pepper.probe.failure-token=failure", "pepper.probe.interval=24h",
				"pepper.probe.allowed-targets=127.0.0.1/32, ::1/128", "logging.structured.format.console=ecs",
				// SHA-256 of "scrape-token-for-probe-test"
				"pepper.metrics.scrape-token-sha256=" + ProbeApplicationTest.SCRAPE_DIGEST })
class ProbeApplicationTest {

	static final String SCRAPE_TOKEN = "scrape-token-for-probe-test";

	static final String SCRAPE_DIGEST = "ed1dfd02d04248786fe9c05bfe517a65ffe8338d92e3a5eeeda276e492d93114";

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
	void exposesTheProbesMetricsToPrometheusWithTheScrapeToken() {
		HttpResponse<String> response = PrometheusText.scrape(this.port, SCRAPE_TOKEN);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("pepper_probe_checks_total{outcome=\"up\"}")
			.contains("pepper_probe_checks_total{outcome=\"dns_failure\"}")
			.contains("pepper_probe_check_duration_seconds_bucket{phase=\"first_byte\"")
			.contains("pepper_probe_delivery_buffered{service=\"receiver\"}")
			.contains("pepper_probe_delivery_dropped_total{reason=\"buffer_full\",service=\"failure-service\"}")
			.contains("pepper_probe_checks_in_flight ");
	}

	@Test
	void refusesAScrapeWithoutTheScrapeTokenWith401() {
		for (String wrong : new String[] { null, "admin", "receiver", "not-a-token" }) {
			HttpResponse<String> refused = PrometheusText.scrape(this.port, wrong);
			assertThat(refused.statusCode()).as("token %s", wrong).isEqualTo(401);
			assertThat(refused.body()).contains("scrape token").doesNotContain("pepper_probe");
		}
	}

	@Test
	void servesPeppersMetricsSoPromtoolReportsNothing() {
		String text = PrometheusText.scrape(this.port, SCRAPE_TOKEN).body();
		assertThat(PrometheusText.pepperFamilies(text)).contains("pepper_probe_checks_total");
		assertThat(PrometheusText.promtoolProblemsIfPresent(text)).isEmpty();
	}

	@Test
	void servesPeppersMetricsByTheTextFormatsRules() {
		String text = PrometheusText.scrape(this.port, SCRAPE_TOKEN).body();
		assertThat(PrometheusText.pepperFamilies(text)).contains("pepper_probe_checks_in_flight");
		assertThat(PrometheusText.problems(text)).isEmpty();
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
