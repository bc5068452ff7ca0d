package io.pepper.probe;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.pepper.probe.round.OnceRunner;
import io.pepper.probe.round.RoundScheduler;
import io.pepper.probe.tls.TlsProvider;
import io.pepper.probe.tls.TlsSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code --once} starts: the round and its settings, nothing of the daemon (web
 * server, actuator, scheduler), and the TLS provider its settings ask for.
 */
@ExtendWith(OutputCaptureExtension.class)
class OnceApplicationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(OnceApplication.class)
		.withBean(ApplicationArguments.class, () -> new DefaultApplicationArguments("--once"))
		.withPropertyValues("pepper.probe.location=local", "pepper.probe.admin-url=http://127.0.0.1:9",
				"pepper.probe.admin-token=a", "pepper.probe.receiver-url=http://127.0.0.1:9",
				"pepper.probe.receiver-token=r", "pepper.probe.failure-url=http://127.0.0.1:9",
				"pepper.probe.failure-token=f");

	@Test
	void startsTheRoundAndNothingOfTheDaemon() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OnceRunner.class).doesNotHaveBean(RoundScheduler.class);
			List<String> types = Arrays.stream(context.getBeanDefinitionNames())
				.map(context::getType)
				.filter(Objects::nonNull)
				.map(Class::getName)
				.toList();
			assertThat(types).noneMatch((type) -> type.startsWith("org.springframework.boot.actuate")
					|| type.startsWith("org.springframework.boot.web") || type.startsWith("org.springframework.web")
					|| type.startsWith("org.springframework.boot.tomcat") || type.startsWith("org.apache.catalina"));
			assertThat(context.getBeanDefinitionNames()).as("beans of --once").hasSizeLessThan(40);
		});
	}

	@Test
	void checksWithConscryptByDefault(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context.getBean(TlsSockets.class).provider()).isEqualTo(TlsProvider.CONSCRYPT);
			assertThat(output.getOut()).containsOnlyOnce("TLS checks use Conscrypt 2.5.");
		});
	}

	@Test
	void checksWithJsseWhenNativeTlsIsSwitchedOff(CapturedOutput output) {
		this.runner.withPropertyValues("pepper.probe.tls-provider=jsse").run((context) -> {
			assertThat(context.getBean(TlsSockets.class).provider()).isEqualTo(TlsProvider.JSSE);
			assertThat(output.getOut()).containsOnlyOnce("TLS checks use JSSE (pepper.probe.tls-provider=jsse)")
				.doesNotContain("Conscrypt");
		});
	}

}
