package io.pepper.testsupport;

import org.testcontainers.containers.GenericContainer;

/** A Redis server in a container, for machines with Docker. */
public final class ContainerRedis implements RedisServer, AutoCloseable {

	private final GenericContainer<?> container;

	public ContainerRedis() {
		this.container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
		this.container.start();
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public int port() {
		return this.container.getMappedPort(6379);
	}

	@Override
	public void close() {
		this.container.stop();
	}

}
