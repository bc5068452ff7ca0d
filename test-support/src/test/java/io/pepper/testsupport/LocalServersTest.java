package io.pepper.testsupport;

/** The contract against the servers this machine runs. */
class LocalServersTest extends ServersContract {

	@Override
	PostgresServer postgres() {
		return LocalPostgres.fromEnvironment();
	}

	@Override
	RedisServer redis() {
		return LocalRedis.fromEnvironment();
	}

	@Override
	InfluxServer influx() {
		return LocalInflux.fromEnvironment();
	}

}
