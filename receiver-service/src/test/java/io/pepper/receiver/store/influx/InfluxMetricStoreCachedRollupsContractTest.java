package io.pepper.receiver.store.influx;

/**
 * The shared scenarios against a real InfluxDB with the rollup cache on: replays, late
 * checks and crashes leave the rollups exact when buckets come from memory too.
 */
class InfluxMetricStoreCachedRollupsContractTest extends InfluxMetricStoreContractTest {

	@Override
	protected int rollupCacheBuckets() {
		return 1000;
	}

}
