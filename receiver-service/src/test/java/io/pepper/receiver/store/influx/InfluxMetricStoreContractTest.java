package io.pepper.receiver.store.influx;

import java.net.URI;
import java.time.Duration;

import io.pepper.receiver.ReceiverProperties;
import io.pepper.receiver.store.MetricStoreContract;
import io.pepper.receiver.store.RollupMetricStore;
import io.pepper.testsupport.LocalInflux;
import io.pepper.testsupport.TestInfluxDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared scenarios against a real InfluxDB 1.x, plus its retention policies. */
class InfluxMetricStoreContractTest extends MetricStoreContract {

	private final LocalInflux influx = LocalInflux.fromEnvironment();

	private TestInfluxDatabase database;

	private InfluxMetricStore store;

	@BeforeEach
	void createStore() {
		this.database = this.influx.createDatabase("contract");
		this.store = new InfluxMetricStore(
				new ReceiverProperties.Influx(URI.create(this.influx.url()), this.database.name(), "autogen", null,
						true, true, Duration.ofSeconds(10), "pepper_hourly", "pepper_daily"),
				ReceiverProperties.Retention.defaults());
		this.store.prepare();
		this.store.rollupGrace(OPEN_FOR);
		this.store.rollupCache(rollupCacheBuckets());
	}

	@AfterEach
	void dropDatabase() {
		this.store.close();
		this.database.close();
	}

	@Override
	protected RollupMetricStore store() {
		return this.store;
	}

	@Test
	void createsOneRetentionPolicyPerResolutionWithItsDuration() {
		String policies = this.database.query("SHOW RETENTION POLICIES ON " + this.database.name());

		assertThat(policies).contains("autogen,720h0m0s")
			.contains("pepper_hourly,9600h0m0s")
			.contains("pepper_daily,43800h0m0s");
	}

	@Test
	void preparingAgainKeepsThePoliciesAndAppliesNewDurations() {
		try (InfluxMetricStore shorter = new InfluxMetricStore(
				new ReceiverProperties.Influx(URI.create(this.influx.url()), this.database.name(), "autogen", null,
						true, true, Duration.ofSeconds(10), "pepper_hourly", "pepper_daily"),
				new ReceiverProperties.Retention(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(365),
						Duration.ofHours(1)))) {
			shorter.prepare();
		}

		assertThat(this.database.query("SHOW RETENTION POLICIES ON " + this.database.name()))
			.contains("autogen,168h0m0s")
			.contains("pepper_hourly,2160h0m0s")
			.contains("pepper_daily,8760h0m0s");
	}

}
