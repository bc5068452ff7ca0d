package io.pepper.testsupport;

/** A key prefix owned by one test; {@link #close()} deletes its keys. */
public record TestRedisNamespace(RedisServer server, String prefix) implements AutoCloseable {

	@Override
	public void close() {
		this.server.deleteKeys(this.prefix);
	}

}
