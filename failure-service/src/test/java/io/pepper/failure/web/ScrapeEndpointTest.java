package io.pepper.failure.web;

import java.net.http.HttpResponse;

import io.pepper.failure.IncidentTestBase;
import io.pepper.testsupport.PrometheusText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** failure-service's {@code /actuator/prometheus}: the scrape token only, and clean. */
class ScrapeEndpointTest extends IncidentTestBase {

	@Test
	void answersTheScrapeTokenWith200AndAnyOtherWith401NeverWith403() {
		assertThat(PrometheusText.scrape(this.port, SCRAPE_TOKEN).statusCode()).isEqualTo(200);
		for (String wrong : new String[] { null, SERVICE_TOKEN, PROBE_TOKEN, "not-a-token" }) {
			HttpResponse<String> refused = PrometheusText.scrape(this.port, wrong);
			assertThat(refused.statusCode()).as("token %s", wrong).isEqualTo(401);
			assertThat(refused.body()).contains("scrape token").doesNotContain("pepper_");
		}
	}

	@Test
	void servesPeppersMetricsSoPromtoolReportsNothing() {
		String text = PrometheusText.scrape(this.port, SCRAPE_TOKEN).body();
		assertThat(PrometheusText.pepperFamilies(text)).contains("pepper_delivery_delivered_total");
		assertThat(PrometheusText.promtoolProblemsIfPresent(text)).isEmpty();
	}

	@Test
	void servesPeppersMetricsByTheTextFormatsRules() {
		String text = PrometheusText.scrape(this.port, SCRAPE_TOKEN).body();
		assertThat(PrometheusText.pepperFamilies(text)).contains("pepper_delivery_retries_total");
		assertThat(PrometheusText.problems(text)).isEmpty();
	}

}
