package io.pepper.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** A PostgreSQL server in a container, for machines with Docker. */
public final class ContainerPostgres implements PostgresServer, AutoCloseable {

	private final PostgreSQLContainer container;

	public ContainerPostgres() {
		this.container = new PostgreSQLContainer("postgres:15-alpine");
		this.container.start();
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.container.getHost() + ":" + this.container.getMappedPort(5432) + "/"
				+ database;
	}

	@Override
	public String username() {
		return this.container.getUsername();
	}

	@Override
	public String password() {
		return this.container.getPassword();
	}

	@Override
	public void close() {
		this.container.stop();
	}

}
