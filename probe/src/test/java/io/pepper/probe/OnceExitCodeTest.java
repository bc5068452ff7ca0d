package io.pepper.probe;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.security.KeyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.FailureBatch;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.probe.round.OnceRunner;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --once} as cron runs it: a real process, judged by its exit code. */
class OnceExitCodeTest {

	private final LocalServer targets = LocalServer.http().answer("/ok", 200, "fine").answer("/down", 503, "no");

	private final HeldCertificate root = Tls.root();

	private final LocalServer secureTarget = LocalServer
		.https(Tls.serverContext(this.root, Tls.leaf(this.root, "127.0.0.1")))
		.answer("/ok", 200, "secure");

	private final LocalServer admin = LocalServer.http();

	private final LocalServer receiver = LocalServer.http();

	private final LocalServer failureService = LocalServer.http().answer(FailureBatch.PATH, 202, "");

	@TempDir
	private Path logs;

	private UUID secureId;

	@AfterEach
	void stopServers() {
		List.of(this.targets, this.secureTarget, this.admin, this.receiver, this.failureService)
			.forEach(LocalServer::close);
	}

	@Test
	void exitsWith0AfterCheckingAndDeliveringEverything() throws Exception {
		serveEndpoints();
		this.receiver.answer(ResultBatch.PATH, 201, "");

		assertThat(runOnce(this.admin.url("").toString())).isEqualTo(OnceRunner.DONE);
		assertThat(this.targets.received()).hasSize(2);
		assertThat(this.secureTarget.received()).hasSize(1);
		assertThat(results()).as("the two that are up, in one batch or two").hasSize(2);
		assertThat(this.failureService.received()).hasSize(1);
		assertThat(secureResult().timings().tlsMs()).isPositive();
		assertThat(secureResult().tlsCertExpiresAt()).isNotNull();
		assertThat(log()).containsOnlyOnce("TLS checks use Conscrypt").doesNotContain("Tomcat");
	}

	@Test
	void checksOverJsseWhenNativeTlsIsSwitchedOff() throws Exception {
		serveEndpoints();
		this.receiver.answer(ResultBatch.PATH, 201, "");

		assertThat(runOnce(this.admin.url("").toString(), "--pepper.probe.tls-provider=jsse"))
			.isEqualTo(OnceRunner.DONE);
		assertThat(secureResult().outcome().isUp()).isTrue();
		assertThat(secureResult().timings().tlsMs()).isPositive();
		assertThat(log()).containsOnlyOnce("TLS checks use JSSE (pepper.probe.tls-provider=jsse)")
			.doesNotContain("Conscrypt");
	}

	private List<CheckResult> results() {
		return this.receiver.received()
			.stream()
			.flatMap((request) -> WireJson.mapper().readValue(request.body(), ResultBatch.class).results().stream())
			.toList();
	}

	private CheckResult secureResult() {
		return results().stream()
			.filter((result) -> result.endpointId().equals(this.secureId))
			.findFirst()
			.orElseThrow();
	}

	private String log() throws IOException {
		return Files.readString(this.logs.resolve("probe.log"));
	}

	@Test
	void exitsWith3WhenResultsCannotBeDelivered() throws Exception {
		serveEndpoints();
		this.receiver.answer(ResultBatch.PATH, 503, "");

		assertThat(runOnce(this.admin.url("").toString())).isEqualTo(OnceRunner.DELIVERY_FAILED);
		// Each batch is tried delivery-attempts (2) times, then given up.
		assertThat(this.receiver.received()
			.stream()
			.map((request) -> WireJson.mapper().readValue(request.body(), ResultBatch.class).batchId())
			.collect(java.util.stream.Collectors.groupingBy((id) -> id, java.util.stream.Collectors.counting())))
			.isNotEmpty()
			.allSatisfy((batch, tries) -> assertThat(tries).isEqualTo(2));
		assertThat(results().stream().map(CheckResult::endpointId).distinct()).hasSize(2);
	}

	@Test
	void exitsWith2WhenTheEndpointListIsUnavailable() throws Exception {
		assertThat(runOnce("http://127.0.0.1:" + LocalServer.closedPort())).isEqualTo(OnceRunner.LIST_UNAVAILABLE);
		assertThat(this.targets.received()).isEmpty();
	}

	private void serveEndpoints() {
		EndpointSpec secure = Specs.get(this.secureTarget.url("/ok"));
		this.secureId = secure.id();
		List<EndpointSpec> endpoints = List.of(Specs.get(this.targets.url("/ok")), Specs.get(this.targets.url("/down")),
				secure);
		this.admin.answer(ProbeEndpointList.PATH, 200,
				WireJson.mapper().writeValueAsString(new ProbeEndpointList("local", Instant.now(), endpoints)));
	}

	private int runOnce(String adminUrl, String... extra) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		// The JDK's default trust store, with the test root in it: the probe trusts the
		// system's roots only.
		Path trustStore = this.logs.resolve("roots.p12");
		KeyStore roots = KeyStore.getInstance("PKCS12");
		roots.load(null, null);
		roots.setCertificateEntry("test-root", this.root.certificate());
		try (OutputStream out = Files.newOutputStream(trustStore)) {
			roots.store(out, "changeit".toCharArray());
		}
		List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
				"-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit", "-cp",
				System.getProperty("java.class.path"), ProbeApplication.class.getName(), "--once",
				"--pepper.probe.location=local", "--pepper.probe.admin-url=" + adminUrl,
				"--pepper.probe.admin-token=admin", "--pepper.probe.receiver-url=" + this.receiver.url(""),
				"--pepper.probe.receiver-token=receiver", "--pepper.probe.failure-url=" + this.failureService.url(""),
				"--pepper.probe.failure-token=failure", "--pepper.probe.allowed-targets=127.0.0.1/32",
				"--pepper.probe.delivery-attempts=2", "--pepper.probe.delivery-backoff=10ms"));
		command.addAll(List.of(extra));
		File log = this.logs.resolve("probe.log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("--once did not exit within 60 s:\n" + Files.readString(log.toPath()));
		}
		return process.exitValue();
	}

}
