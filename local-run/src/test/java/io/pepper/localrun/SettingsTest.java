package io.pepper.localrun;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTest {

	@Test
	void embeddedByDefaultOnPortsAwayFromTheSystemServers() {
		Settings settings = Settings.from(new String[] { "--root=/srv/pepper", "--project-version=1.2.3" }, Map.of());
		assertThat(settings.embedded()).isTrue();
		assertThat(settings.state()).isEqualTo(Path.of("/srv/pepper/.pepper"));
		assertThat(settings.logs()).isEqualTo(Path.of("/srv/pepper/.pepper/logs"));
		assertThat(settings.postgresPort()).isEqualTo(15432);
		assertThat(settings.redisPort()).isEqualTo(16379);
		assertThat(settings.adminPort()).isEqualTo(8080);
		assertThat(settings.demoDays()).isEqualTo(7);
		assertThat(settings.serviceJvmOptions()).isEmpty();
	}

	@Test
	void readsPortsStateAndJvmOptionsFromTheEnvironment() {
		Settings settings = Settings.from(new String[] { "--root=/srv/pepper", "--project-version=1.2.3" },
				Map.of("PEPPER_ADMIN_PORT", "9080", "PEPPER_POSTGRES_PORT", "25432", "PEPPER_STATE", "/var/pepper",
						"PEPPER_SERVICE_JVM_OPTS", " -Xss1m  -XX:TieredStopAtLevel=1 "));
		assertThat(settings.adminPort()).isEqualTo(9080);
		assertThat(settings.postgresPort()).isEqualTo(25432);
		assertThat(settings.state()).isEqualTo(Path.of("/var/pepper"));
		assertThat(settings.serviceJvmOptions()).containsExactly("-Xss1m", "-XX:TieredStopAtLevel=1");
	}

	@Test
	void influxNamesTheServersItUses() {
		Settings settings = Settings.from(new String[] { "--project-version=1", "--influx=http://127.0.0.1:8086",
				"--postgres=jdbc:postgresql://db:5432", "--redis=cache:6380" }, Map.of());
		assertThat(settings.embedded()).isFalse();
		assertThat(settings.external()).isEqualTo(
				new Settings.External("jdbc:postgresql://db:5432", "postgres", "cache", 6380, "http://127.0.0.1:8086"));
	}

	@Test
	void badInputIsNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.from(new String[0], Map.of()))
			.withMessage("--project-version=... is required");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Settings.from(new String[] { "--project-version=1" }, Map.of("PEPPER_REDIS_PORT", "70000")))
			.withMessage("PEPPER_REDIS_PORT must be a port (1-65535) but was 70000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.from(new String[] { "--project-version=1", "--influx=http://x",
					"--postgres=jdbc:postgresql://db", "--redis=cache" }, Map.of()))
			.withMessage("--redis must be host:port but was cache");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.from(new String[] { "--project-version=1", "--influx=http://x" }, Map.of()))
			.withMessage("--redis=... is required");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> Settings.from(new String[] { "--project-version=1" }, Map.of("PEPPER_DEMO_DAYS", "a week")))
			.withMessage("PEPPER_DEMO_DAYS must be a number of days (0-400) but was a week");
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.from(new String[] { "stray" }, Map.of()))
			.withMessage("unexpected argument stray; options are --name=value");
	}

}
