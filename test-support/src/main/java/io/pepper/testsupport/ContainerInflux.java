package io.pepper.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** An InfluxDB 1.8 server in a container, for machines with Docker. */
public final class ContainerInflux implements InfluxServer, AutoCloseable {

	private final GenericContainer<?> container;

	public ContainerInflux() {
		this.container = new GenericContainer<>("influxdb:1.8").withExposedPorts(8086)
			.waitingFor(Wait.forHttp("/ping").forStatusCode(204));
		this.container.start();
	}

	@Override
	public String url() {
		return "http://" + this.container.getHost() + ":" + this.container.getMappedPort(8086);
	}

	@Override
	public void close() {
		this.container.stop();
	}

}
