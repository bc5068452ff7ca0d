package io.pepper.testsupport;

/** An InfluxDB database owned by one test; {@link #close()} drops it. */
public record TestInfluxDatabase(InfluxServer server, String name) implements AutoCloseable {

	/** Runs InfluxQL against this database and returns the CSV answer. */
	public String query(String influxQl) {
		return this.server.query(influxQl, this.name);
	}

	@Override
	public void close() {
		this.server.query("DROP DATABASE " + this.name, null);
	}

}
