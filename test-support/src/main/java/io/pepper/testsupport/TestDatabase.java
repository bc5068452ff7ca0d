package io.pepper.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A database created for one test; {@link #close()} drops it. */
public final class TestDatabase implements AutoCloseable {

	private final PostgresServer server;

	private final String name;

	TestDatabase(PostgresServer server, String name) {
		this.server = server;
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	public String jdbcUrl() {
		return this.server.jdbcUrl(this.name);
	}

	public String username() {
		return this.server.username();
	}

	public String password() {
		return this.server.password();
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), username(), password());
	}

	@Override
	public void close() {
		try (Connection connection = DriverManager.getConnection(this.server.jdbcUrl("postgres"), username(),
				password()); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop test database " + this.name, ex);
		}
	}

}
