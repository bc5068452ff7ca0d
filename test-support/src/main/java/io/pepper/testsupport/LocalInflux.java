package io.pepper.testsupport;

/**
 * The InfluxDB server ./scripts/test starts: {@code PEPPER_TEST_INFLUX_URL}
 * (http://127.0.0.1:8086).
 */
public record LocalInflux(String url) implements InfluxServer {

	public static LocalInflux fromEnvironment() {
		return new LocalInflux(Names.env("PEPPER_TEST_INFLUX_URL", "http://127.0.0.1:8086"));
	}

}
