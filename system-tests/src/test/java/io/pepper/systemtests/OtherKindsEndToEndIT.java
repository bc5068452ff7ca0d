package io.pepper.systemtests;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.pepper.testsupport.ServiceProcess;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TCP and DNS checks through the whole suite: configured in admin-app's API, checked by
 * the probe against a real local TCP port and a real local DNS server, stored by
 * receiver-service, and failures confirmed by failure-service into incidents told by
 * email.
 */
@ExtendWith(Suite.Shared.class)
class OtherKindsEndToEndIT {

	private static final String OWNER = "owner@kinds.example";

	private static final String ONCALL = "oncall@kinds.example";

	private Suite suite;

	private DatagramSocket dns;

	@BeforeEach
	void useSuite(Suite suite) throws IOException {
		this.suite = suite;
		this.dns = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread.ofPlatform().daemon().name("e2e-dns").start(this::answerDns);
	}

	@AfterEach
	void stopDns() {
		if (this.dns != null) {
			this.dns.close();
		}
	}

	@Test
	void tcpAndDnsChecksReachHistoryAndTheirFailuresOpenIncidents() throws Exception {
		String token = this.suite.signUpWithApiToken(OWNER, "Kinds");
		String channel = this.suite
			.post(this.suite.admin, "/api/v1/channels", token,
					Map.of("type", "email", "name", "On call", "addresses", List.of(ONCALL)))
			.get("id")
			.asString();
		this.suite.post(this.suite.admin, "/api/v1/policies", token, Map.of("name", "Default", "failuresToOpen", 2,
				"locationsToConfirm", 1, "successesToResolve", 2, "channelIds", List.of(channel)));
		int open = URI.create(this.suite.targets.url("/healthy")).getPort();
		String resolver = "127.0.0.1:" + this.dns.getLocalPort();

		String tcpUp = create(token, "Cache up", "TCP", "tcp://127.0.0.1:" + open, Map.of("type", "tcp", "tls", false))
			.get("id")
			.asString();
		create(token, "Cache down", "TCP", "tcp://127.0.0.1:" + ServiceProcess.freePort(),
				Map.of("type", "tcp", "tls", false));
		String dnsUp = create(token, "Name up", "DNS", "dns:ok.kinds.test",
				Map.of("type", "dns", "recordType", "A", "resolver", resolver, "expectedAnswers", List.of("192.0.2.7")))
			.get("id")
			.asString();
		create(token, "Name gone", "DNS", "dns:gone.kinds.test",
				Map.of("type", "dns", "recordType", "A", "resolver", resolver));

		await("the TCP and DNS checks in InfluxDB").atMost(Suite.FLOW_TIMEOUT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				assertThat(this.suite.influx
					.query("SELECT outcome, up FROM checks WHERE endpoint = '" + tcpUp + "' AND outcome = 'UP'"))
					.contains("UP");
				assertThat(this.suite.influx
					.query("SELECT outcome, up FROM checks WHERE endpoint = '" + dnsUp + "' AND outcome = 'UP'"))
					.contains("UP");
			});

		MimeMessage refused = awaitMail("[Pepper] DOWN: Cache down");
		assertThat(Suite.recipients(refused)).containsExactly(ONCALL);
		assertThat(subject(refused)).contains("CONNECTION_REFUSED");
		MimeMessage gone = awaitMail("[Pepper] DOWN: Name gone");
		assertThat(subject(gone)).contains("DNS_RCODE_MISMATCH: expected rcode NOERROR but got NXDOMAIN");
		assertThat(Arrays.stream(this.suite.smtp.getReceivedMessages()).map(OtherKindsEndToEndIT::subject))
			.noneMatch((subject) -> subject.contains("Cache up") || subject.contains("Name up"));
	}

	private JsonNode create(String token, String name, String kind, String url, Map<String, Object> settings)
			throws Exception {
		return this.suite.post(this.suite.admin, "/api/v1/endpoints", token,
				Map.of("name", name, "kind", kind, "url", url, "settings", settings, "locations", List.of("local"),
						"timeoutMs", 3000, "apdexThresholdMs", 500, "intervalSeconds", 10));
	}

	/** Answers A for ok.kinds.test with 192.0.2.7, NXDOMAIN for every other name. */
	private void answerDns() {
		byte[] buffer = new byte[4096];
		while (!this.dns.isClosed()) {
			try {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				this.dns.receive(packet);
				Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
				Record question = query.getQuestion();
				Message answer = new Message(query.getHeader().getID());
				answer.getHeader().setFlag(Flags.QR);
				answer.getHeader().setFlag(Flags.RA);
				answer.addRecord(question, Section.QUESTION);
				if (question.getName().equals(Name.fromConstantString("ok.kinds.test."))) {
					if (question.getType() == Type.A) {
						answer.addRecord(
								new ARecord(question.getName(), DClass.IN, 60, InetAddress.ofLiteral("192.0.2.7")),
								Section.ANSWER);
					}
				}
				else {
					answer.getHeader().setRcode(Rcode.NXDOMAIN);
				}
				byte[] wire = answer.toWire();
				this.dns.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
			}
			catch (IOException ex) {
				if (this.dns.isClosed()) {
					return;
				}
			}
		}
	}

	private MimeMessage awaitMail(String subjectStart) {
		return await("an email '" + subjectStart + "'").atMost(Suite.FLOW_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> Arrays.stream(this.suite.smtp.getReceivedMessages())
				.filter((message) -> subject(message).startsWith(subjectStart))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
