package io.pepper.testsupport;

/**
 * The PostgreSQL server the machine runs: {@code PEPPER_TEST_PG_HOST} (127.0.0.1),
 * {@code PEPPER_TEST_PG_PORT} (5432), {@code PEPPER_TEST_PG_USER} (postgres) and
 * {@code PEPPER_TEST_PG_PASSWORD} (empty).
 */
public record LocalPostgres(String host, int port, String username, String password) implements PostgresServer {

	public static LocalPostgres fromEnvironment() {
		return new LocalPostgres(Names.env("PEPPER_TEST_PG_HOST", "127.0.0.1"),
				Integer.parseInt(Names.env("PEPPER_TEST_PG_PORT", "5432")),
				Names.env("PEPPER_TEST_PG_USER", "postgres"), Names.env("PEPPER_TEST_PG_PASSWORD", ""));
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

}
