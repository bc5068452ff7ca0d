package io.pepper.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A PostgreSQL server on which tests create databases of their own. */
public interface PostgresServer {

	/** A JDBC URL for {@code database} on this server. */
	String jdbcUrl(String database);

	String username();

	String password();

	/** Creates a fresh, uniquely named database; closing it drops it. */
	default TestDatabase createDatabase(String purpose) {
		String name = Names.unique(purpose);
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot create database on PostgreSQL at " + jdbcUrl("postgres")
							+ " (set PEPPER_TEST_PG_URL, or run ./scripts/test which starts it): " + ex.getMessage(),
					ex);
		}
		return new TestDatabase(this, name);
	}

}
