package io.pepper.probe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pepper.contracts.v1.CheckResult;
import io.pepper.contracts.v1.EndpointSpec;
import io.pepper.contracts.v1.HttpMethod;
import io.pepper.contracts.v1.ProbeEndpointList;
import io.pepper.contracts.v1.ResultBatch;
import io.pepper.contracts.v1.WireJson;
import io.pepper.probe.LocalServer;
import io.pepper.probe.check.http.HttpChecker;
import io.pepper.probe.dns.DeadlineResolver;
import io.pepper.probe.tls.TlsProvider;
import io.pepper.probe.tls.TlsSockets;
import io.pepper.probe.round.Delivery;
import io.pepper.probe.round.EndpointListClient;
import io.pepper.probe.round.ProbeMetrics;
import io.pepper.probe.round.ProbeRound;
import io.pepper.probe.round.RoundReport;
import io.pepper.probe.round.Shard;
import io.pepper.probe.round.Sleeper;
import io.pepper.net.TargetPolicy;
import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.pepper.probe.ProbeProperties;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import javax.net.ssl.X509TrustManager;

import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The probe beside prometheus-blackbox-exporter on the same local target farm, in one
 * run: checks per minute sustained (closed loop, same concurrency), CPU seconds per 1,000
 * checks at the same fixed rate for HTTP and HTTPS, the probe's timing error against the
 * delay the target injected, the TLS phase against a bare native client's handshake (the
 * floor), and the wall time of {@code --once}. HTTPS is measured for each TLS
 * implementation the probe can use: JSSE, JSSE with Amazon Corretto Crypto Provider
 * (AWS-LC under JSSE's handshake) and Conscrypt (BoringSSL, the default). The farm runs
 * as its own process and its CPU time is reported apart. Loopback only; every loop is
 * bounded. Run with {@code scripts/bench/probe}.
 */
@Tag("benchmark")
class ProbeBenchmark {

	private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 128);

	private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(Long.getLong("bench.throughput-seconds", 12));

	/**
	 * A multiple of the endpoints' 10 s interval, so every endpoint is checked equally
	 * often.
	 */
	private static final Duration RATE_WINDOW = Duration.ofSeconds(20);

	private static final int CPU_RATE_PER_MINUTE = Integer.getInteger("bench.cpu-rate", 30_000);

	private static final int TIMING_RATE_PER_MINUTE = 10_000;

	/** Low enough that no client queues for CPU: the TLS phase is the handshake's own. */
	private static final int TLS_RATE_PER_MINUTE = Integer.getInteger("bench.tls-rate", 6_000);

	private static final int[] INJECTED_DELAYS_MS = { 10, 50, 100, 250 };

	private static final String BLACKBOX = "prometheus-blackbox-exporter";

	private static final Pattern DURATION = Pattern.compile("(?m)^probe_duration_seconds ([0-9.eE+-]+)$");

	private static final Pattern TLS_PHASE = Pattern
		.compile("(?m)^probe_http_duration_seconds\\{phase=\"tls\"\\} ([0-9.eE+-]+)$");

	private final Clock clock = Clock.systemUTC();

	@Test
	void probeBesideBlackboxExporter() throws Exception {
		double loadAtStart = loadAverage();
		Path dir = Files.createTempDirectory("pepper-probe-bench");
		try (Farm farm = Farm.start(dir); Blackbox blackbox = Blackbox.start(dir, farm)) {
			Probe probe = new Probe(farm, TlsProvider.CONSCRYPT, false);
			Probe jsse = new Probe(farm, TlsProvider.JSSE, false);
			Probe accp = new Probe(farm, TlsProvider.JSSE, true);
			log("warming up");
			probe.throughput(targets(farm.http, 5_000, 0), Duration.ofSeconds(4));
			probe.throughput(targets(farm.https, 3_000, 0), Duration.ofSeconds(3));
			jsse.throughput(targets(farm.https, 3_000, 0), Duration.ofSeconds(3));
			accp.throughput(targets(farm.https, 2_000, 0), Duration.ofSeconds(2));
			blackbox.closedLoop(targets(farm.http, 2_000, 0), "http_2xx", Duration.ofSeconds(3));
			blackbox.closedLoop(targets(farm.https, 2_000, 0), "https_2xx", Duration.ofSeconds(3));

			log("throughput, closed loop, " + CONCURRENCY + " checks in flight");
			Run probeHttp = probe.throughput(targets(farm.http, 20_000, 0), THROUGHPUT_WINDOW);
			Run blackboxHttp = blackbox.closedLoop(targets(farm.http, 20_000, 0), "http_2xx", THROUGHPUT_WINDOW);
			Https throughput = new Https(probe.throughput(targets(farm.https, 4_000, 0), THROUGHPUT_WINDOW),
					jsse.throughput(targets(farm.https, 4_000, 0), THROUGHPUT_WINDOW),
					accp.throughput(targets(farm.https, 4_000, 0), THROUGHPUT_WINDOW),
					blackbox.closedLoop(targets(farm.https, 4_000, 0), "https_2xx", THROUGHPUT_WINDOW));

			log("the daemon's spread round at 100,000 checks/min");
			Run probeDaemon = probe.spread(targets(farm.http, 100_000 / 6, 0), null);

			log("CPU at the same fixed rate, " + CPU_RATE_PER_MINUTE + " checks/min");
			int cpuEndpoints = CPU_RATE_PER_MINUTE / 6;
			Run probeHttpCpu = probe.spread(targets(farm.http, cpuEndpoints, 0), null);
			Run blackboxHttpCpu = blackbox.paced(targets(farm.http, cpuEndpoints, 0), "http_2xx", CPU_RATE_PER_MINUTE);
			Https cpu = new Https(probe.spread(targets(farm.https, cpuEndpoints, 0), null),
					jsse.spread(targets(farm.https, cpuEndpoints, 0), null),
					accp.spread(targets(farm.https, cpuEndpoints, 0), null),
					blackbox.paced(targets(farm.https, cpuEndpoints, 0), "https_2xx", CPU_RATE_PER_MINUTE, null, null));

			log("timing error at " + TIMING_RATE_PER_MINUTE + " checks/min, injected delays "
					+ Arrays.toString(INJECTED_DELAYS_MS) + " ms");
			List<Target> timed = new ArrayList<>();
			for (int delay : INJECTED_DELAYS_MS) {
				timed.addAll(targets(farm.http, TIMING_RATE_PER_MINUTE / 6 / INJECTED_DELAYS_MS.length, delay));
			}
			List<CheckResult> probeTimed = new ArrayList<>();
			Run probeTiming = probe.spread(timed, probeTimed);
			List<Double> probeErrors = errors(probeTimed, timed);
			List<Double> blackboxErrors = new ArrayList<>();
			Run blackboxTiming = blackbox.paced(timed, "http_2xx", TIMING_RATE_PER_MINUTE, blackboxErrors, null);
			List<Double> socketErrors = rawSockets(timed, TIMING_RATE_PER_MINUTE);

			log("TLS phase at " + TLS_RATE_PER_MINUTE + " HTTPS checks/min, beside a bare native handshake");
			int tlsEndpoints = TLS_RATE_PER_MINUTE / 6;
			List<Double> floor = bareHandshakes(farm, TLS_RATE_PER_MINUTE);
			List<CheckResult> nativeTls = new ArrayList<>();
			probe.spread(targets(farm.https, tlsEndpoints, 0), nativeTls);
			List<CheckResult> jsseTls = new ArrayList<>();
			jsse.spread(targets(farm.https, tlsEndpoints, 0), jsseTls);
			List<Double> blackboxTls = new ArrayList<>();
			blackbox.paced(targets(farm.https, tlsEndpoints, 0), "https_2xx", TLS_RATE_PER_MINUTE, null, blackboxTls);

			log("--once wall time");
			OnceTimes once = OnceTimes.measure(farm, dir);

			StringBuilder out = new StringBuilder("\n");
			out.append("Probe benchmark: pepper probe beside prometheus-blackbox-exporter, same targets, loopback\n");
			out.append(String.format(Locale.ROOT,
					"machine: %d cores, load average %.2f at the start, %.2f at the end "
							+ "(other work on the machine skews the figures); farm TLS: %s%n",
					Runtime.getRuntime().availableProcessors(), loadAtStart, loadAverage(), farm.tls));
			http(out, probeHttp, blackboxHttp, probeHttpCpu, blackboxHttpCpu, probeTiming, probeErrors, blackboxTiming,
					blackboxErrors, socketErrors);
			https(out, throughput, cpu, tls(nativeTls), tls(jsseTls), blackboxTls, floor);
			once.report(out);
			out.append(String.format(Locale.ROOT,
					"the probe's own scheduler (spread round, HTTP) asked for 100,000 checks/min: ran %.0f checks/min "
							+ "using %.2f of %d cores (target farm %.2f cores)%n",
					probeDaemon.perMinute(), probeDaemon.cpu() / probeDaemon.seconds(),
					Runtime.getRuntime().availableProcessors(), probeDaemon.farmCpu() / probeDaemon.seconds()));
			out.append(String.format(Locale.ROOT,
					"failed checks (expected: 10%% of targets answer 404/500): probe %d of %d, blackbox %d of %d%n",
					probeHttp.failed + throughput.conscrypt().failed, probeHttp.checks + throughput.conscrypt().checks,
					blackboxHttp.failed + throughput.blackbox().failed,
					blackboxHttp.checks + throughput.blackbox().checks));
			out.append(String.format(Locale.ROOT,
					"target farm CPU s (excluded above), closed loop: HTTP %.1f / %.1f (probe / blackbox), "
							+ "HTTPS %.1f / %.1f / %.1f / %.1f (Conscrypt / JSSE / JSSE+ACCP / blackbox)%n",
					probeHttp.farmCpu, blackboxHttp.farmCpu, throughput.conscrypt().farmCpu, throughput.jsse().farmCpu,
					throughput.accp().farmCpu, throughput.blackbox().farmCpu));
			out.append("aims: HTTPS CPU/check <= 0.8x blackbox_exporter's: ")
				.append(verdict(cpu.conscrypt().cpuPerThousand() <= 0.8 * cpu.blackbox().cpuPerThousand()))
				.append("; HTTPS checks/min >= 1.25x blackbox_exporter's: ")
				.append(verdict(throughput.conscrypt().perMinute() >= 1.25 * throughput.blackbox().perMinute()))
				.append("; HTTP CPU/check <= blackbox_exporter's: ")
				.append(verdict(probeHttpCpu.cpuPerThousand() <= blackboxHttpCpu.cpuPerThousand()))
				.append("; --once with one endpoint <= 1.5 s with the AOT cache: ")
				.append(verdict(once.cached(1) <= 1.5))
				.append('\n');
			System.out.println(out);
			// scripts/bench/probe prints this after Maven is done.
			Files.writeString(Path.of("target", "probe-benchmark.txt"), out);
			probe.close();
			jsse.close();
			accp.close();
		}
	}

	private static void http(StringBuilder out, Run probeHttp, Run blackboxHttp, Run probeHttpCpu, Run blackboxHttpCpu,
			Run probeTiming, List<Double> probeErrors, Run blackboxTiming, List<Double> blackboxErrors,
			List<Double> socketErrors) {
		out.append(String.format(Locale.ROOT, "%nHTTP%n%-46s %16s %18s %8s%n", "", "pepper probe", "blackbox_exporter",
				"ratio"));
		row(out, "HTTP checks/min sustained (closed loop)", probeHttp.perMinute(), blackboxHttp.perMinute(), "%.0f");
		row(out, "CPU s per 1,000 HTTP checks @" + CPU_RATE_PER_MINUTE + "/min", probeHttpCpu.cpuPerThousand(),
				blackboxHttpCpu.cpuPerThousand(), "%.3f");
		row(out, "  (achieved rate, checks/min)", probeHttpCpu.perMinute(), blackboxHttpCpu.perMinute(), "%.0f");
		row(out, "CPU s per 1,000 HTTP checks (closed loop)", probeHttp.cpuPerThousand(), blackboxHttp.cpuPerThousand(),
				"%.3f");
		row(out, "timing error p50, ms (total - injected)", percentile(probeErrors, 0.50),
				percentile(blackboxErrors, 0.50), "%.3f");
		row(out, "timing error p90, ms", percentile(probeErrors, 0.90), percentile(blackboxErrors, 0.90), "%.3f");
		row(out, "timing error p99, ms", percentile(probeErrors, 0.99), percentile(blackboxErrors, 0.99), "%.3f");
		row(out, "timing error max, ms", percentile(probeErrors, 1.0), percentile(blackboxErrors, 1.0), "%.3f");
		row(out, "  (timing checks, at checks/min)", probeTiming.perMinute(), blackboxTiming.perMinute(), "%.0f");
		out.append(String.format(Locale.ROOT,
				"timing error of a bare blocking socket, same targets and rate (the machine's floor): "
						+ "p50 %.3f, p90 %.3f, p99 %.3f, max %.3f ms%n",
				percentile(socketErrors, 0.50), percentile(socketErrors, 0.90), percentile(socketErrors, 0.99),
				percentile(socketErrors, 1.0)));
	}

	private static void https(StringBuilder out, Https throughput, Https cpu, List<Double> nativeTls,
			List<Double> jsseTls, List<Double> blackboxTls, List<Double> floor) {
		out.append(String.format(Locale.ROOT, "%nHTTPS%n%-42s %10s %10s %10s %10s %9s %9s%n", "", "Conscrypt", "JSSE",
				"JSSE+ACCP", "blackbox", "Consc/bb", "JSSE/bb"));
		httpsRow(out, "checks/min sustained (closed loop)", throughput, Run::perMinute, "%.0f");
		httpsRow(out, "CPU s per 1,000 checks @" + CPU_RATE_PER_MINUTE + "/min", cpu, Run::cpuPerThousand, "%.3f");
		httpsRow(out, "  (achieved rate, checks/min)", cpu, Run::perMinute, "%.0f");
		httpsRow(out, "CPU s per 1,000 checks (closed loop)", throughput, Run::cpuPerThousand, "%.3f");
		out.append(String.format(Locale.ROOT, "%-42s %10s %10s %10s %10s%n",
				"TLS phase p50 / p99, ms @" + TLS_RATE_PER_MINUTE + "/min", quantiles(nativeTls), quantiles(jsseTls),
				"-", quantiles(blackboxTls)));
		out.append(String.format(Locale.ROOT,
				"bare native handshake (Conscrypt on a platform thread, no HTTP, fresh context), same farm and rate "
						+ "(the floor): p50 %.3f, p99 %.3f ms; Conscrypt's TLS phase is %.2fx / %.2fx the floor%n",
				percentile(floor, 0.5), percentile(floor, 0.99), percentile(nativeTls, 0.5) / percentile(floor, 0.5),
				percentile(nativeTls, 0.99) / percentile(floor, 0.99)));
	}

	private static void httpsRow(StringBuilder out, String label, Https runs,
			java.util.function.ToDoubleFunction<Run> value, String format) {
		double bb = value.applyAsDouble(runs.blackbox());
		out.append(String.format(Locale.ROOT, "%-42s %10s %10s %10s %10s %9s %9s%n", label,
				String.format(Locale.ROOT, format, value.applyAsDouble(runs.conscrypt())),
				String.format(Locale.ROOT, format, value.applyAsDouble(runs.jsse())),
				String.format(Locale.ROOT, format, value.applyAsDouble(runs.accp())),
				String.format(Locale.ROOT, format, bb),
				(bb == 0) ? "-" : String.format(Locale.ROOT, "%.2f", value.applyAsDouble(runs.conscrypt()) / bb),
				(bb == 0) ? "-" : String.format(Locale.ROOT, "%.2f", value.applyAsDouble(runs.jsse()) / bb)));
	}

	private static String quantiles(List<Double> values) {
		return String.format(Locale.ROOT, "%.2f/%.2f", percentile(values, 0.5), percentile(values, 0.99));
	}

	private static List<Double> tls(List<CheckResult> results) {
		return results.stream().map((result) -> result.timings().tlsMs()).filter(java.util.Objects::nonNull).toList();
	}

	private static List<Double> errors(List<CheckResult> results, List<Target> targets) {
		Map<UUID, Integer> injected = new HashMap<>();
		targets.forEach((target) -> injected.put(target.id(), target.delayMs()));
		return results.stream()
			.map((result) -> result.timings().totalMs() - injected.get(result.endpointId()))
			.toList();
	}

	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/**
	 * The floor of the TLS phase: a full handshake with the farm from a bare Conscrypt
	 * socket on a platform thread (fresh context, so no resumption), no HTTP client, at
	 * the same rate as the probe's TLS runs.
	 */
	private static List<Double> bareHandshakes(Farm farm, int perMinute) throws Exception {
		X509TrustManager trust = new HandshakeCertificates.Builder()
			.addTrustedCertificate(Certificates.decodeCertificatePem(Files.readString(farm.caFile)))
			.build()
			.trustManager();
		javax.net.ssl.SSLSocketFactory factory = TlsSockets.create(TlsProvider.CONSCRYPT, trust).socketFactory();
		ConcurrentLinkedQueue<Double> handshakes = new ConcurrentLinkedQueue<>();
		atRate(perMinute, 64, (i) -> {
			int port = farm.https.ports.get((int) (i % farm.https.ports.size()));
			try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
					javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) factory.createSocket(plain, "127.0.0.1",
							port, true)) {
				long began = System.nanoTime();
				tls.startHandshake();
				handshakes.add((System.nanoTime() - began) / 1e6);
			}
			catch (IOException ex) {
				// A failed handshake has no time to compare.
			}
		});
		return new ArrayList<>(handshakes);
	}

	/**
	 * Runs {@code task} (given its sequence number) {@code perMinute} times a minute for
	 * {@link #RATE_WINDOW}, each on a platform thread of a pool of {@code threads}.
	 */
	private static void atRate(int perMinute, int threads, java.util.function.LongConsumer task)
			throws InterruptedException {
		long total = RATE_WINDOW.toSeconds() * perMinute / 60;
		long periodNanos = TimeUnit.MINUTES.toNanos(1) / perMinute;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			long start = System.nanoTime();
			for (long i = 0; i < total; i++) {
				long due = start + i * periodNanos;
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				long sequence = i;
				pool.execute(() -> task.accept(sequence));
			}
		}
		finally {
			pool.shutdown();
			pool.awaitTermination(1, TimeUnit.MINUTES);
		}
	}

	/**
	 * The floor of timing error on this machine right now: a bare socket on a platform
	 * thread, no HTTP client, no TLS, same targets at the same rate, total - injected.
	 */
	private static List<Double> rawSockets(List<Target> targets, int perMinute) throws InterruptedException {
		ConcurrentLinkedQueue<Double> errors = new ConcurrentLinkedQueue<>();
		atRate(perMinute, 256, (i) -> {
			Target target = targets.get((int) (i % targets.size()));
			long began = System.nanoTime();
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), target.url().getPort())) {
				socket.getOutputStream()
					.write(("GET " + target.url().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
							+ "Connection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
				errors.add((System.nanoTime() - began) / 1e6 - target.delayMs());
			}
			catch (IOException ex) {
				// A failed request has no timing to compare.
			}
		});
		return new ArrayList<>(errors);
	}

	private static void row(StringBuilder out, String label, double probe, double blackbox, String format) {
		out.append(String.format(Locale.ROOT, "%-46s %16s %18s %8s%n", label, String.format(Locale.ROOT, format, probe),
				String.format(Locale.ROOT, format, blackbox),
				(blackbox == 0) ? "-" : String.format(Locale.ROOT, "%.2f", probe / blackbox)));
	}

	private static String verdict(boolean met) {
		return met ? "met" : "NOT met";
	}

	static double percentile(List<Double> values, double quantile) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/**
	 * Targets spread over the farm's servers: injected delay, and (when the delay is 0) a
	 * mix of status codes and body sizes.
	 */
	private static List<Target> targets(List<Integer> ports, String scheme, int count, int delayMs) {
		List<Target> targets = new ArrayList<>(count);
		int[] sizes = { 128, 1024, 16 * 1024 };
		for (int i = 0; i < count; i++) {
			int status = (delayMs > 0) ? 200 : switch (i % 20) {
				case 7 -> 404;
				case 13 -> 500;
				default -> 200;
			};
			int size = (delayMs > 0) ? 1024 : sizes[i % sizes.length];
			URI url = URI.create(scheme + "://127.0.0.1:" + ports.get(i % ports.size()) + "/t/" + delayMs + "/" + status
					+ "/" + size + "/" + i);
			targets.add(new Target(UUID.randomUUID(), url, delayMs));
		}
		return targets;
	}

	private static List<Target> targets(Ports ports, int count, int delayMs) {
		return targets(ports.ports, ports.scheme, count, delayMs);
	}

	private static void log(String message) {
		System.out.println("[bench] " + message);
	}

	private static double selfCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/** User plus system CPU seconds of a process, from /proc/PID/stat. */
	static double cpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// After the command: state is field 3, utime 14 and stime 15 (1-based in
			// proc(5)).
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks / (double) CLOCK_TICKS;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the CPU time of process " + pid, ex);
		}
	}

	private static final long CLOCK_TICKS = clockTicks();

	private static long clockTicks() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
			String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			getconf.waitFor(5, TimeUnit.SECONDS);
			return Long.parseLong(out);
		}
		catch (IOException | InterruptedException | NumberFormatException ex) {
			return 100;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void waitForPort(int port, String what) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException(what + " did not listen on port " + port);
	}

	/** One endpoint of the farm. */
	record Target(UUID id, URI url, int delayMs) {

		EndpointSpec spec(int intervalSeconds) {
			return new EndpointSpec(this.id, new UUID(0, 1), "bench " + this.url.getPath(), this.url, HttpMethod.GET,
					Map.of(), null, List.of(), List.of(), 10_000, false, 500, intervalSeconds);
		}

	}

	/**
	 * What one measured run did.
	 *
	 * @param checks checks completed
	 * @param failed checks that did not come back up (404/500 targets)
	 * @param seconds wall time
	 * @param cpu CPU seconds of the tool measured
	 * @param farmCpu CPU seconds of the target farm meanwhile
	 */
	record Run(long checks, long failed, double seconds, double cpu, double farmCpu) {

		double perMinute() {
			return this.checks / this.seconds * 60;
		}

		double cpuPerThousand() {
			return this.cpu / this.checks * 1000;
		}

	}

	record Ports(String scheme, List<Integer> ports) {

	}

	/** One HTTPS measurement for each TLS implementation, and blackbox_exporter's. */
	record Https(Run conscrypt, Run jsse, Run accp, Run blackbox) {

	}

	/** The target farm process. */
	static final class Farm implements AutoCloseable {

		final Process process;

		final Path caFile;

		final Ports http;

		final Ports https;

		final int services;

		final String tls;

		private Farm(Process process, Path caFile, Ports http, Ports https, int services, String tls) {
			this.process = process;
			this.caFile = caFile;
			this.http = http;
			this.https = https;
			this.services = services;
			this.tls = tls;
		}

		static Farm start(Path dir) throws IOException {
			Path caFile = dir.resolve("farm-ca.pem");
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-cp",
					System.getProperty("java.class.path"), TargetFarm.class.getName(), caFile.toString())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
			BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
			String ready = out.readLine();
			if (ready == null || !ready.startsWith("READY ")) {
				process.destroyForcibly();
				throw new IllegalStateException("the target farm did not start: " + ready);
			}
			Map<String, String> fields = new HashMap<>();
			for (String field : ready.substring(6).split(" ")) {
				fields.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
			}
			log("target farm pid " + process.pid() + ": " + ready);
			return new Farm(process, caFile, new Ports("http", ports(fields.get("http"))),
					new Ports("https", ports(fields.get("https"))), Integer.parseInt(fields.get("services")),
					fields.get("tls"));
		}

		private static List<Integer> ports(String list) {
			return Arrays.stream(list.split(",")).map(Integer::parseInt).toList();
		}

		double cpu() {
			return cpuSeconds(this.process.pid());
		}

		String servicesUrl() {
			return "http://127.0.0.1:" + this.services;
		}

		void serve(List<EndpointSpec> endpoints) throws IOException, InterruptedException {
			byte[] list = WireJson.mapper().writeValueAsBytes(new ProbeEndpointList("bench", Instant.now(), endpoints));
			HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(servicesUrl() + "/list"))
					.PUT(HttpRequest.BodyPublishers.ofByteArray(list))
					.build(), HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 204) {
				throw new IllegalStateException("the farm refused the endpoint list: " + response.statusCode());
			}
		}

		@Override
		public void close() throws IOException {
			this.process.getOutputStream().close();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}

	}

	/** The probe under test, in this JVM, wired as the application wires it. */
	final class Probe implements AutoCloseable {

		private final Farm farm;

		private final HttpChecker checker;

		private final Delivery delivery;

		private final ProbeRound round;

		private final boolean accp;

		/**
		 * @param accp whether Amazon Corretto Crypto Provider is installed as the first
		 * JCA provider while this probe runs (JSSE then does its crypto in AWS-LC)
		 */
		Probe(Farm farm, TlsProvider provider, boolean accp) throws IOException {
			this.farm = farm;
			this.accp = accp;
			TargetPolicy policy = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("127.0.0.1/32"));
			// Test-only trust of the farm's own root; production keeps the system trust
			// store.
			HandshakeCertificates trust = new HandshakeCertificates.Builder()
				.addTrustedCertificate(Certificates.decodeCertificatePem(Files.readString(farm.caFile)))
				.build();
			this.checker = new HttpChecker(TlsSockets.create(provider, trust.trustManager()), DeadlineResolver.system(),
					policy, HttpChecker.DEFAULT_MAX_BODY_BYTES, ProbeBenchmark.this.clock);
			this.delivery = delivery(farm.servicesUrl());
			this.round = round(this.delivery);
		}

		private Delivery delivery(String receiverUrl) {
			return new Delivery(new Delivery.Target(receiverUrl, "bench"),
					new Delivery.Target(this.farm.servicesUrl(), "bench"), "bench", new Delivery.Settings(100_000, 0,
							Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(1)));
		}

		private ProbeRound round(Delivery delivery) {
			ProbeMetrics metrics = new ProbeMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
			metrics.watch(delivery);
			return new ProbeRound(new EndpointListClient(this.farm.servicesUrl(), "bench", "bench"),
					new io.pepper.probe.check.Checkers(List.of(this.checker), ProbeBenchmark.this.clock), delivery,
					"bench", CONCURRENCY, Shard.ALL, ProbeBenchmark.this.clock, Sleeper.on(ProbeBenchmark.this.clock),
					metrics);
		}

		private void enter() {
			if (this.accp) {
				AmazonCorrettoCryptoProvider.install();
				AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
			}
		}

		private void leave() {
			if (this.accp) {
				Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
			}
		}

		/** Rounds of all targets at once, back to back, until the window has passed. */
		Run throughput(List<Target> targets, Duration window) throws IOException, InterruptedException {
			this.farm.serve(targets.stream().map((target) -> target.spec(60)).toList());
			enter();
			try {
				double cpu = selfCpuSeconds();
				double farmCpu = this.farm.cpu();
				long start = System.nanoTime();
				long checks = 0;
				long failed = 0;
				while (System.nanoTime() - start < window.toNanos()) {
					Instant now = ProbeBenchmark.this.clock.instant();
					RoundReport report = this.round.run(now.minusMillis(now.toEpochMilli() % 60_000),
							Duration.ofMinutes(1), ProbeRound.Pacing.IMMEDIATE);
					checks += report.checks();
					failed += report.failed();
				}
				this.delivery.drain(Duration.ofMinutes(1));
				return new Run(checks, failed, (System.nanoTime() - start) / 1e9, selfCpuSeconds() - cpu,
						this.farm.cpu() - farmCpu);
			}
			finally {
				leave();
			}
		}

		/**
		 * One daemon round of {@link #RATE_WINDOW} over targets checked every 10 s, so
		 * the rate is targets / 10 s; with {@code results}, collects what the checks
		 * found.
		 */
		Run spread(List<Target> targets, List<CheckResult> results) throws Exception {
			this.farm.serve(targets.stream().map((target) -> target.spec(10)).toList());
			LocalServer collector = null;
			Delivery delivery = this.delivery;
			ProbeRound round = this.round;
			if (results != null) {
				// Results come back here to be looked at.
				collector = LocalServer.http().answer(ResultBatch.PATH, 201, "");
				delivery = delivery(collector.url("").toString());
				round = round(delivery);
			}
			enter();
			try {
				double cpu = selfCpuSeconds();
				double farmCpu = this.farm.cpu();
				long start = System.nanoTime();
				RoundReport report = round.run(ProbeBenchmark.this.clock.instant(), RATE_WINDOW,
						ProbeRound.Pacing.SPREAD);
				delivery.drain(Duration.ofMinutes(1));
				Run run = new Run(report.checks(), report.failed(), (System.nanoTime() - start) / 1e9,
						selfCpuSeconds() - cpu, this.farm.cpu() - farmCpu);
				if (collector != null) {
					for (LocalServer.Received received : collector.received()) {
						results.addAll(WireJson.mapper().readValue(received.body(), ResultBatch.class).results());
					}
					delivery.close();
					collector.close();
				}
				return run;
			}
			finally {
				leave();
			}
		}

		@Override
		public void close() {
			this.delivery.close();
		}

	}

	/**
	 * Wall time of {@code --once} from process start to exit, against the farm's HTTPS
	 * targets: the runnable jar as it is ({@code java -jar probe-exec.jar --once}), and
	 * through {@code scripts/probe-once} (extracted jar, JDK AOT cache from a training
	 * run, Spring AOT). Both trust the farm's root through the JDK's trust store
	 * property.
	 */
	static final class OnceTimes {

		private static final int[] ENDPOINTS = { 1, 1_000 };

		private final Map<String, List<Double>> walls = new java.util.LinkedHashMap<>();

		private double training = Double.NaN;

		private String problem;

		static OnceTimes measure(Farm farm, Path dir) throws Exception {
			OnceTimes times = new OnceTimes();
			Path jar;
			try (java.util.stream.Stream<Path> built = Files.list(Path.of("target"))) {
				jar = built.filter((path) -> path.getFileName().toString().matches("probe-.*-exec\\.jar"))
					.findFirst()
					.orElse(null);
			}
			Path script = Path.of("..", "scripts", "probe-once").toAbsolutePath().normalize();
			if (jar == null || !Files.isExecutable(script)) {
				times.problem = "no runnable jar in target/ (scripts/bench/probe builds it) or no scripts/probe-once";
				return times;
			}
			Path trustStore = dir.resolve("farm-roots.p12");
			java.security.KeyStore roots = java.security.KeyStore.getInstance("PKCS12");
			roots.load(null, null);
			roots.setCertificateEntry("farm", Certificates.decodeCertificatePem(Files.readString(farm.caFile)));
			try (java.io.OutputStream out = Files.newOutputStream(trustStore)) {
				roots.store(out, "changeit".toCharArray());
			}
			Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS",
					"-Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStorePassword=changeit",
					"PEPPER_PROBE_ONCE_DIR", dir.resolve("once").toString());
			List<String> settings = List.of("--pepper.probe.location=bench",
					"--pepper.probe.admin-url=" + farm.servicesUrl(), "--pepper.probe.admin-token=bench",
					"--pepper.probe.receiver-url=" + farm.servicesUrl(), "--pepper.probe.receiver-token=bench",
					"--pepper.probe.failure-url=" + farm.servicesUrl(), "--pepper.probe.failure-token=bench",
					"--pepper.probe.allowed-targets=127.0.0.1/32");
			String java = ProcessHandle.current().info().command().orElse("java");
			List<String> plain = new ArrayList<>(List.of(java, "-jar", jar.toAbsolutePath().toString(), "--once"));
			plain.addAll(settings);
			List<String> cached = new ArrayList<>(List.of("bash", script.toString()));
			cached.addAll(settings);
			for (int endpoints : ENDPOINTS) {
				List<Target> targets = targets(farm.https.ports, "https", endpoints, 0).stream()
					.map((target) -> new Target(target.id(),
							URI.create(target.url().toString().replaceAll("/t/0/\\d+/", "/t/0/200/")), 0))
					.toList();
				farm.serve(targets.stream().map((target) -> target.spec(60)).toList());
				if (Double.isNaN(times.training)) {
					times.training = wall(cached, env, dir);
				}
				int runs = (endpoints == 1) ? 3 : 2;
				for (int i = 0; i < runs; i++) {
					times.add("plain " + endpoints, wall(plain, env, dir));
					times.add("cached " + endpoints, wall(cached, env, dir));
				}
			}
			return times;
		}

		private void add(String key, double seconds) {
			this.walls.computeIfAbsent(key, (k) -> new ArrayList<>()).add(seconds);
		}

		double cached(int endpoints) {
			List<Double> runs = this.walls.getOrDefault("cached " + endpoints, List.of());
			return runs.isEmpty() ? Double.NaN : percentile(runs, 0.5);
		}

		private static double wall(List<String> command, Map<String, String> env, Path dir) throws Exception {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dir.resolve("once.log").toFile());
			builder.environment().putAll(env);
			long start = System.nanoTime();
			Process process = builder.start();
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("--once did not end: " + Files.readString(dir.resolve("once.log")));
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"--once exited with " + process.exitValue() + ": " + Files.readString(dir.resolve("once.log")));
			}
			return seconds;
		}

		void report(StringBuilder out) {
			out.append(String.format(Locale.ROOT, "%n--once wall time, process start to exit, HTTPS endpoints%n"));
			if (this.problem != null) {
				out.append("  not measured: ").append(this.problem).append('\n');
				return;
			}
			out.append(String.format(Locale.ROOT, "%-46s %26s %26s%n", "", "java -jar probe-exec.jar",
					"scripts/probe-once (AOT)"));
			for (int endpoints : ENDPOINTS) {
				out.append(String.format(Locale.ROOT, "%-46s %26s %26s%n",
						String.format(Locale.ROOT, "%,d endpoint%s, median (min-max) s", endpoints,
								(endpoints == 1) ? "" : "s"),
						summary(this.walls.get("plain " + endpoints)), summary(this.walls.get("cached " + endpoints))));
			}
			out.append(String.format(Locale.ROOT,
					"  (the training run that wrote the AOT cache, one endpoint: %.2f s)%n", this.training));
		}

		private static String summary(List<Double> runs) {
			if (runs == null || runs.isEmpty()) {
				return "-";
			}
			return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", percentile(runs, 0.5), percentile(runs, 0.0),
					percentile(runs, 1.0));
		}

	}

	/** prometheus-blackbox-exporter, driven over its /probe API. */
	static final class Blackbox implements AutoCloseable {

		private final Process process;

		private final int port;

		private final Farm farm;

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();

		private Blackbox(Process process, int port, Farm farm) {
			this.process = process;
			this.port = port;
			this.farm = farm;
		}

		static Blackbox start(Path dir, Farm farm) throws IOException, InterruptedException {
			Path config = dir.resolve("blackbox.yml");
			String http = """
					    prober: http
					    timeout: 10s
					    http:
					      preferred_ip_protocol: ip4
					      ip_protocol_fallback: false
					      no_follow_redirects: true
					""";
			Files.writeString(config, "modules:\n  http_2xx:\n" + http + "  https_2xx:\n" + http
					+ "      tls_config:\n        ca_file: " + farm.caFile + "\n");
			int port = freePort();
			Process process = new ProcessBuilder(BLACKBOX, "--config.file=" + config,
					"--web.listen-address=127.0.0.1:" + port, "--log.level=error")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("blackbox.log").toFile())
				.start();
			waitForPort(port, BLACKBOX);
			String version = new String(new ProcessBuilder(BLACKBOX, "--version").redirectErrorStream(true)
				.start()
				.getInputStream()
				.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
			log(BLACKBOX + " pid " + process.pid() + " on port " + port + ": " + version);
			return new Blackbox(process, port, farm);
		}

		/**
		 * {@code CONCURRENCY} probes in flight at all times until the window has passed.
		 */
		Run closedLoop(List<Target> targets, String module, Duration window) throws InterruptedException {
			double cpu = cpuSeconds(this.process.pid());
			double farmCpu = this.farm.cpu();
			long start = System.nanoTime();
			long deadline = start + window.toNanos();
			AtomicLong next = new AtomicLong();
			AtomicLong checks = new AtomicLong();
			AtomicLong failed = new AtomicLong();
			try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < CONCURRENCY; i++) {
					workers.execute(() -> {
						while (System.nanoTime() < deadline) {
							Target target = targets.get((int) (next.getAndIncrement() % targets.size()));
							Probed probed = probe(target, module);
							checks.incrementAndGet();
							if (probed == null) {
								failed.incrementAndGet();
							}
						}
					});
				}
			}
			return new Run(checks.get(), failed.get(), (System.nanoTime() - start) / 1e9,
					cpuSeconds(this.process.pid()) - cpu, this.farm.cpu() - farmCpu);
		}

		Run paced(List<Target> targets, String module, int perMinute) throws InterruptedException {
			return paced(targets, module, perMinute, null, null);
		}

		/**
		 * Probes at a fixed rate for {@link #RATE_WINDOW}, as many concurrent requests as
		 * that takes; with {@code errors}, collects probe_duration_seconds - injected
		 * delay, with {@code tls} the TLS phase in ms.
		 */
		Run paced(List<Target> targets, String module, int perMinute, List<Double> errors, List<Double> tls)
				throws InterruptedException {
			long total = RATE_WINDOW.toSeconds() * perMinute / 60;
			long periodNanos = TimeUnit.MINUTES.toNanos(1) / perMinute;
			double cpu = cpuSeconds(this.process.pid());
			double farmCpu = this.farm.cpu();
			AtomicLong failed = new AtomicLong();
			ConcurrentLinkedQueue<Double> measured = new ConcurrentLinkedQueue<>();
			ConcurrentLinkedQueue<Double> handshakes = new ConcurrentLinkedQueue<>();
			Semaphore inFlight = new Semaphore(4_000);
			long start = System.nanoTime();
			try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
				for (long i = 0; i < total; i++) {
					long due = start + i * periodNanos;
					long wait;
					while ((wait = due - System.nanoTime()) > 0) {
						TimeUnit.NANOSECONDS.sleep(wait);
					}
					Target target = targets.get((int) (i % targets.size()));
					inFlight.acquire();
					requests.execute(() -> {
						try {
							Probed probed = probe(target, module);
							if (probed == null) {
								failed.incrementAndGet();
							}
							else {
								measured.add(probed.seconds() * 1000 - target.delayMs());
								if (probed.tlsSeconds() != null) {
									handshakes.add(probed.tlsSeconds() * 1000);
								}
							}
						}
						finally {
							inFlight.release();
						}
					});
				}
			}
			if (errors != null) {
				errors.addAll(measured);
			}
			if (tls != null) {
				tls.addAll(handshakes);
			}
			return new Run(total, failed.get(), (System.nanoTime() - start) / 1e9, cpuSeconds(this.process.pid()) - cpu,
					this.farm.cpu() - farmCpu);
		}

		/** The probe's duration and TLS phase in seconds, or null when it failed. */
		private Probed probe(Target target, String module) {
			URI uri = URI.create("http://127.0.0.1:" + this.port + "/probe?module=" + module + "&target="
					+ URLEncoder.encode(target.url().toString(), StandardCharsets.UTF_8));
			try {
				HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || !response.body().contains("\nprobe_success 1")) {
					return null;
				}
				Matcher duration = DURATION.matcher(response.body());
				if (!duration.find()) {
					return null;
				}
				Matcher tls = TLS_PHASE.matcher(response.body());
				return new Probed(Double.parseDouble(duration.group(1)),
						tls.find() ? Double.parseDouble(tls.group(1)) : null);
			}
			catch (IOException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		record Probed(double seconds, Double tlsSeconds) {

		}

		@Override
		public void close() {
			this.process.destroy();
		}

	}

}
