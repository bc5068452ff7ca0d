package io.pepper.receiver.store.postgres;

/**
 * The shared scenarios against a real PostgreSQL with the rollup cache on: replays, late
 * checks and crashes leave the rollups exact when buckets come from memory too.
 */
class PostgresMetricStoreCachedRollupsContractTest extends PostgresMetricStoreContractTest {

	@Override
	protected int rollupCacheBuckets() {
		return 1000;
	}

}
