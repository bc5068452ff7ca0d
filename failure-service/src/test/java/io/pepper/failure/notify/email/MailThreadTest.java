package io.pepper.failure.notify.email;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailThreadTest {

	@ParameterizedTest
	@CsvSource(nullValues = "null", textBlock = """
			https://Pepper.Example.com/,    pepper@localhost,         pepper.example.com
			https://status.example.org:8443/admin, alerts@example.net, status.example.org
			null,                           alerts@mail.example.net,  mail.example.net
			null,                           pepper@localhost,         localhost
			""")
	void takesTheMessageIdDomainFromThePublicUrlElseFromTheSender(@Nullable String publicUrl, String from,
			String domain) {
		assertThat(MailThread.domain((publicUrl != null) ? URI.create(publicUrl) : null, from)).isEqualTo(domain);
	}

}
