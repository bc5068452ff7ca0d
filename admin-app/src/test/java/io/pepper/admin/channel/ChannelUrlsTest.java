package io.pepper.admin.channel;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelUrlsTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					https://hooks.slack.com/services/T/B/X | ok
					https://93.184.215.14/hook              | ok
					http://hooks.example.com/x              | must use https
					ftp://hooks.example.com/x               | must be an absolute https URL with a host
					/relative                               | must be an absolute https URL with a host
					https://127.0.0.1/x                     | must not point at a loopback, private, link-local or reserved address
					https://10.1.2.3/x                      | must not point at a loopback, private, link-local or reserved address
					https://192.168.0.10/x                  | must not point at a loopback, private, link-local or reserved address
					https://169.254.169.254/latest          | must not point at a loopback, private, link-local or reserved address
					https://100.64.0.1/x                    | must not point at a loopback, private, link-local or reserved address
					https://0.0.0.0/x                       | must not point at a loopback, private, link-local or reserved address
					https://[::1]/x                         | must not point at a loopback, private, link-local or reserved address
					https://[fd00::1]/x                     | must not point at a loopback, private, link-local or reserved address
					https://[fe80::1]/x                     | must not point at a loopback, private, link-local or reserved address
					https://[::ffff:127.0.0.1]/x            | must not point at a loopback, private, link-local or reserved address
					https://localhost/x                     | must not point at an internal host
					https://metadata.google.internal/x      | must not point at an internal host
					https://2130706433/x                    | must not point at a loopback, private, link-local or reserved address
					https://0x7f.1/x                        | must be an absolute https URL with a host
					""")
	void refusesInternalAndPlainHttpTargets(String url, String expected) {
		String problem = ChannelUrls.problem(url, true, List.of());
		if (expected.equals("ok")) {
			assertThat(problem).isNull();
		}
		else {
			assertThat(problem).startsWith(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "http://receiver.internal.example/hook", "http://10.0.0.5:8080/hook" })
	void allowedWebhookHostsMayUseHttpAndPrivateAddresses(String url) {
		assertThat(ChannelUrls.problem(url, true, List.of("receiver.internal.example", "10.0.0.5"))).isNull();
		assertThat(ChannelUrls.problem(url, false, List.of("receiver.internal.example", "10.0.0.5"))).isNotNull();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			https://ntfy.sh/pepper-alerts          | ok
			https://push.example.com/ntfy/ops_7    | ok
			https://ntfy.sh/                       | must end with the topic
			https://ntfy.sh                        | must end with the topic
			https://ntfy.sh/alerts?auth=x          | must end with the topic
			https://ntfy.sh/two%20words            | must end with the topic
			""")
	void anNtfyUrlEndsWithItsTopic(String url, String expected) {
		String problem = ChannelUrls.ntfyTopicProblem(url);
		if (expected.equals("ok")) {
			assertThat(problem).isNull();
		}
		else {
			assertThat(problem).startsWith(expected);
		}
	}

}
