package io.pepper.probe;

import java.util.ArrayList;
import java.util.List;

import io.pepper.probe.round.Shard;
import io.pepper.probe.tls.TlsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad configuration stops the probe at start with a message naming the setting. */
class ProbePropertiesTest {

	private static final List<String> VALID = List.of("pepper.probe.location=local",
			"pepper.probe.admin-url=http://admin.test", "pepper.probe.admin-token=a",
			"pepper.probe.receiver-url=http://receiver.test", "pepper.probe.receiver-token=r",
			"pepper.probe.failure-url=http://failure.test", "pepper.probe.failure-token=f");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(PropertiesOnly.class);

	@Test
	void startsWithTheRequiredSettingsOnly() {
		this.runner.withPropertyValues(VALID.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasNotFailed();
			ProbeProperties properties = context.getBean(ProbeProperties.class);
			assertThat(properties.interval()).hasSeconds(60);
			assertThat(properties.allowedTargets()).isEmpty();
			assertThat(properties.shard()).isEqualTo(Shard.ALL);
			assertThat(properties.bufferCapacity()).isEqualTo(100_000);
			assertThat(properties.deliveryLinger()).hasSeconds(1);
			assertThat(properties.deliveryMaxBackoff()).hasMinutes(1);
			assertThat(properties.tlsProvider()).isEqualTo(TlsProvider.CONSCRYPT);
			assertThat(properties.dnsServers()).isEmpty();
		});
	}

	@Test
	void turnsNativeTlsOffAndNamesItsOwnNameServers() {
		List<String> properties = new ArrayList<>(VALID);
		properties.add("pepper.probe.tls-provider=jsse");
		properties.add("pepper.probe.dns-servers=192.0.2.53, [2001:db8::53]:5353, 127.0.0.1:1053");

		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasNotFailed();
			ProbeProperties bound = context.getBean(ProbeProperties.class);
			assertThat(bound.tlsProvider()).isEqualTo(TlsProvider.JSSE);
			assertThat(bound.dnsServers()).containsExactly("192.0.2.53", "[2001:db8::53]:5353", "127.0.0.1:1053");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					pepper.probe.interval=500ms              | must be longer than or equal to 1 second]; origin "pepper.probe.interval"
					pepper.probe.interval=2d                 | must be shorter than or equal to 24 hours]; origin "pepper.probe.interval"
					pepper.probe.location=                   | must not be blank]; origin "pepper.probe.location"
					pepper.probe.admin-token=                | must not be blank]; origin "pepper.probe.admin-token"
					pepper.probe.max-concurrency=0           | must be greater than or equal to 1]; origin "pepper.probe.max-concurrency"
					pepper.probe.delivery-attempts=0         | must be greater than or equal to 1]; origin "pepper.probe.delivery-attempts"
					pepper.probe.admin-url=ftp://admin.test  | pepper.probe.admin-url must be an absolute http or https URL but was 'ftp://admin.test'
					pepper.probe.receiver-url=receiver       | pepper.probe.receiver-url must be an absolute http or https URL but was 'receiver'
					pepper.probe.allowed-targets=10.0.0.0/33 | pepper.probe.allowed-targets: allowed target '10.0.0.0/33' is not a valid CIDR: prefix length must be between 0 and 32 but was 33
					pepper.probe.buffer-capacity=0           | must be greater than or equal to 1]; origin "pepper.probe.buffer-capacity"
					pepper.probe.delivery-max-backoff=500ms  | pepper.probe.delivery-max-backoff (PT0.5S) must not be shorter than pepper.probe.delivery-backoff (PT1S)
					pepper.probe.shard=4/4                   | shard index must be between 0 and 3 for 4 shards but was 4
					pepper.probe.shard=half                  | shard must be i/n, e.g. 0/4, but was 'half'
					pepper.probe.allowed-targets=a/b         | pepper.probe.allowed-targets: allowed target 'a/b' is neither a CIDR block, an IP address nor a host name
					pepper.probe.tls-provider=openssl        | No enum constant io.pepper.probe.tls.TlsProvider.openssl
					pepper.probe.dns-servers=10.0.0.53:0     | pepper.probe.dns-servers: '10.0.0.53:0' is not host or host:port with a port from 1 to 65535
					pepper.probe.dns-servers=dns.example.com | pepper.probe.dns-servers: 'dns.example.com' must name the server by its IP address
					""")
	void refusesToStartWithABadSetting(String setting, String message) {
		List<String> properties = new ArrayList<>(VALID);
		properties.add(setting);

		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains(message);
		});
	}

	@Test
	void refusesToStartWithoutTheAdminUrl() {
		List<String> properties = new ArrayList<>(VALID);
		properties.removeIf((property) -> property.startsWith("pepper.probe.admin-url"));

		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("on field 'adminUrl': rejected value [null]")
				.contains("default message [must not be null]");
		});
	}

	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			all.append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ProbeProperties.class)
	static class PropertiesOnly {

	}

}
