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
import io.pepper.probe.check.HttpChecker;
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
import io.pepper.probe.ProbeProperties;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The probe beside prometheus-blackbox-exporter on the same local target farm, in one
 * run: checks per minute sustained (closed loop, same concurrency), CPU seconds per 1,000
 * checks at the same fixed rate for HTTP and HTTPS, and the probe's timing error against
 * the delay the target injected at 10,000 checks per minute. The farm runs as its own
 * process and its CPU time is reported apart. Loopback only; every loop is bounded. Run
 * with {@code scripts/bench/probe}.
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

	private static final int[] INJECTED_DELAYS_MS = { 10, 50, 100, 250 };

	private static final String BLACKBOX = "prometheus-blackbox-exporter";

	private static final Pattern DURATION = Pattern.compile("(?m)^probe_duration_seconds ([0-9.eE+-]+)$");

	private final Clock clock = Clock.systemUTC();

	@Test
	void probeBesideBlackboxExporter() throws Exception {
		Path dir = Files.createTempDirectory("pepper-probe-bench");
		try (Farm farm = Farm.start(dir); Blackbox blackbox = Blackbox.start(dir, farm)) {
			Probe probe = new Probe(farm);
			log("warming up both");
			probe.throughput(targets(farm.http, 5_000, 0), Duration.ofSeconds(4));
			probe.throughput(targets(farm.https, 3_000, 0), Duration.ofSeconds(3));
			blackbox.closedLoop(targets(farm.http, 2_000, 0), "http_2xx", Duration.ofSeconds(3));
			blackbox.closedLoop(targets(farm.https, 2_000, 0), "https_2xx", Duration.ofSeconds(3));

			log("throughput, closed loop, " + CONCURRENCY + " checks in flight");
			Run probeHttp = probe.throughput(targets(farm.http, 20_000, 0), THROUGHPUT_WINDOW);
			Run blackboxHttp = blackbox.closedLoop(targets(farm.http, 20_000, 0), "http_2xx", THROUGHPUT_WINDOW);
			Run probeHttps = probe.throughput(targets(farm.https, 4_000, 0), THROUGHPUT_WINDOW);
			Run blackboxHttps = blackbox.closedLoop(targets(farm.https, 4_000, 0), "https_2xx", THROUGHPUT_WINDOW);

			log("the daemon's spread round at 100,000 checks/min");
			Run probeDaemon = probe.spread(targets(farm.http, 100_000 / 6, 0), null);

			log("CPU at the same fixed rate, " + CPU_RATE_PER_MINUTE + " checks/min");
			int cpuEndpoints = CPU_RATE_PER_MINUTE / 6;
			Run probeHttpCpu = probe.spread(targets(farm.http, cpuEndpoints, 0), null);
			Run blackboxHttpCpu = blackbox.paced(targets(farm.http, cpuEndpoints, 0), "http_2xx", CPU_RATE_PER_MINUTE);
			Run probeHttpsCpu = probe.spread(targets(farm.https, cpuEndpoints, 0), null);
			Run blackboxHttpsCpu = blackbox.paced(targets(farm.https, cpuEndpoints, 0), "https_2xx",
					CPU_RATE_PER_MINUTE);

			log("timing error at " + TIMING_RATE_PER_MINUTE + " checks/min, injected delays "
					+ Arrays.toString(INJECTED_DELAYS_MS) + " ms");
			List<Target> timed = new ArrayList<>();
			for (int delay : INJECTED_DELAYS_MS) {
				timed.addAll(targets(farm.http, TIMING_RATE_PER_MINUTE / 6 / INJECTED_DELAYS_MS.length, delay));
			}
			List<Double> probeErrors = new ArrayList<>();
			Run probeTiming = probe.spread(timed, probeErrors);
			List<Double> blackboxErrors = new ArrayList<>();
			Run blackboxTiming = blackbox.paced(timed, "http_2xx", TIMING_RATE_PER_MINUTE, blackboxErrors);

			List<Double> socketErrors = rawSockets(timed, TIMING_RATE_PER_MINUTE);

			report(probeDaemon, probeHttp, blackboxHttp, probeHttps, blackboxHttps, probeHttpCpu, blackboxHttpCpu,
					probeHttpsCpu, blackboxHttpsCpu, probeTiming, probeErrors, blackboxTiming, blackboxErrors,
					socketErrors);
			probe.close();
		}
	}

	private static void report(Run probeDaemon, Run probeHttp, Run blackboxHttp, Run probeHttps, Run blackboxHttps,
			Run probeHttpCpu, Run blackboxHttpCpu, Run probeHttpsCpu, Run blackboxHttpsCpu, Run probeTiming,
			List<Double> probeErrors, Run blackboxTiming, List<Double> blackboxErrors, List<Double> socketErrors) {
		StringBuilder out = new StringBuilder("\n");
		out.append("Probe benchmark: pepper probe beside prometheus-blackbox-exporter, same targets, loopback\n");
		out.append(String.format(Locale.ROOT,
				"machine: %d cores, load average at the end %.2f (other work on the machine skews the figures)%n",
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		out.append(
				String.format(Locale.ROOT, "%-46s %16s %18s %8s%n", "", "pepper probe", "blackbox_exporter", "ratio"));
		row(out, "HTTP checks/min sustained (closed loop)", probeHttp.perMinute(), blackboxHttp.perMinute(), "%.0f");
		row(out, "HTTPS checks/min sustained (closed loop)", probeHttps.perMinute(), blackboxHttps.perMinute(), "%.0f");
		row(out, "CPU s per 1,000 HTTP checks @" + CPU_RATE_PER_MINUTE + "/min", probeHttpCpu.cpuPerThousand(),
				blackboxHttpCpu.cpuPerThousand(), "%.3f");
		row(out, "CPU s per 1,000 HTTPS checks @" + CPU_RATE_PER_MINUTE + "/min", probeHttpsCpu.cpuPerThousand(),
				blackboxHttpsCpu.cpuPerThousand(), "%.3f");
		row(out, "  (achieved rate, checks/min, HTTP)", probeHttpCpu.perMinute(), blackboxHttpCpu.perMinute(), "%.0f");
		row(out, "  (achieved rate, checks/min, HTTPS)", probeHttpsCpu.perMinute(), blackboxHttpsCpu.perMinute(),
				"%.0f");
		row(out, "CPU s per 1,000 HTTP checks (closed loop)", probeHttp.cpuPerThousand(), blackboxHttp.cpuPerThousand(),
				"%.3f");
		row(out, "CPU s per 1,000 HTTPS checks (closed loop)", probeHttps.cpuPerThousand(),
				blackboxHttps.cpuPerThousand(), "%.3f");
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
		out.append(String.format(Locale.ROOT,
				"the probe's own scheduler (spread round, HTTP) asked for 100,000 checks/min: ran %.0f checks/min "
						+ "using %.2f of %d cores (target farm %.2f cores)%n",
				probeDaemon.perMinute(), probeDaemon.cpu() / probeDaemon.seconds(),
				Runtime.getRuntime().availableProcessors(), probeDaemon.farmCpu() / probeDaemon.seconds()));
		out.append(String.format(Locale.ROOT,
				"failed checks (expected: 10%% of targets answer 404/500): probe %d of %d, blackbox %d of %d%n",
				probeHttp.failed + probeHttps.failed, probeHttp.checks + probeHttps.checks,
				blackboxHttp.failed + blackboxHttps.failed, blackboxHttp.checks + blackboxHttps.checks));
		out.append(String.format(Locale.ROOT,
				"target farm CPU s (excluded above): HTTP %.1f / %.1f, HTTPS %.1f / %.1f (probe / blackbox closed loop)%n",
				probeHttp.farmCpu, blackboxHttp.farmCpu, probeHttps.farmCpu, blackboxHttps.farmCpu));
		out.append("targets: >= 100,000 HTTP checks/min: ")
			.append(verdict(probeHttp.perMinute() >= 100_000))
			.append("; CPU/check <= blackbox_exporter's: HTTP ")
			.append(verdict(probeHttpCpu.cpuPerThousand() <= blackboxHttpCpu.cpuPerThousand()))
			.append(", HTTPS ")
			.append(verdict(probeHttpsCpu.cpuPerThousand() <= blackboxHttpsCpu.cpuPerThousand()))
			.append("; timing error p99 <= 3 ms at 10,000/min: ")
			.append(verdict(percentile(probeErrors, 0.99) <= 3.0))
			.append('\n');
		System.out.println(out);
		try {
			// scripts/bench/probe prints this after Maven is done.
			Files.writeString(Path.of("target", "probe-benchmark.txt"), out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The floor of timing error on this machine right now: a bare socket on a platform
	 * thread, no HTTP client, no TLS, same targets at the same rate, total - injected.
	 */
	private static List<Double> rawSockets(List<Target> targets, int perMinute) throws InterruptedException {
		long total = RATE_WINDOW.toSeconds() * perMinute / 60;
		long periodNanos = TimeUnit.MINUTES.toNanos(1) / perMinute;
		ConcurrentLinkedQueue<Double> errors = new ConcurrentLinkedQueue<>();
		ExecutorService threads = Executors.newFixedThreadPool(256);
		try {
			long start = System.nanoTime();
			for (long i = 0; i < total; i++) {
				long due = start + i * periodNanos;
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				Target target = targets.get((int) (i % targets.size()));
				threads.execute(() -> {
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
			}
		}
		finally {
			threads.shutdown();
			threads.awaitTermination(1, TimeUnit.MINUTES);
		}
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

	/** The target farm process. */
	static final class Farm implements AutoCloseable {

		final Process process;

		final Path caFile;

		final Ports http;

		final Ports https;

		final int services;

		private Farm(Process process, Path caFile, Ports http, Ports https, int services) {
			this.process = process;
			this.caFile = caFile;
			this.http = http;
			this.https = https;
			this.services = services;
		}

		static Farm start(Path dir) throws IOException {
			Path caFile = dir.resolve("farm-ca.pem");
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
					TargetFarm.class.getName(), caFile.toString())
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
					new Ports("https", ports(fields.get("https"))), Integer.parseInt(fields.get("services")));
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

		Probe(Farm farm) throws IOException {
			this.farm = farm;
			TargetPolicy policy = TargetPolicy.allowing(ProbeProperties.ALLOWED_TARGETS, List.of("127.0.0.1/32"));
			// Test-only trust of the farm's own root; production keeps the system trust
			// store.
			HandshakeCertificates trust = new HandshakeCertificates.Builder()
				.addTrustedCertificate(Certificates.decodeCertificatePem(Files.readString(farm.caFile)))
				.build();
			this.checker = new HttpChecker(TlsSockets.create(TlsProvider.CONSCRYPT, trust.trustManager()),
					DeadlineResolver.system(), policy, HttpChecker.DEFAULT_MAX_BODY_BYTES, ProbeBenchmark.this.clock);
			this.delivery = delivery(farm.servicesUrl());
			this.round = round(this.delivery);
		}

		private Delivery delivery(String receiverUrl) {
			return new Delivery(new OkHttpClient(), new Delivery.Target(receiverUrl, "bench"),
					new Delivery.Target(this.farm.servicesUrl(), "bench"), "bench", new Delivery.Settings(100_000, 0,
							Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(1)));
		}

		private ProbeRound round(Delivery delivery) {
			ProbeMetrics metrics = new ProbeMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
			metrics.watch(delivery);
			return new ProbeRound(new EndpointListClient(new OkHttpClient(), this.farm.servicesUrl(), "bench", "bench"),
					this.checker, delivery, "bench", CONCURRENCY, Shard.ALL, ProbeBenchmark.this.clock,
					Sleeper.on(ProbeBenchmark.this.clock), metrics);
		}

		/** Rounds of all targets at once, back to back, until the window has passed. */
		Run throughput(List<Target> targets, Duration window) throws IOException, InterruptedException {
			this.farm.serve(targets.stream().map((target) -> target.spec(60)).toList());
			double cpu = selfCpuSeconds();
			double farmCpu = this.farm.cpu();
			long start = System.nanoTime();
			long checks = 0;
			long failed = 0;
			while (System.nanoTime() - start < window.toNanos()) {
				Instant now = ProbeBenchmark.this.clock.instant();
				RoundReport report = this.round.run(now.minusMillis(now.toEpochMilli() % 60_000), Duration.ofMinutes(1),
						ProbeRound.Pacing.IMMEDIATE);
				checks += report.checks();
				failed += report.failed();
			}
			this.delivery.drain(Duration.ofMinutes(1));
			return new Run(checks, failed, (System.nanoTime() - start) / 1e9, selfCpuSeconds() - cpu,
					this.farm.cpu() - farmCpu);
		}

		/**
		 * One daemon round of {@link #RATE_WINDOW} over targets checked every 10 s, so
		 * the rate is targets / 10 s; with {@code errors}, collects total - injected
		 * delay.
		 */
		Run spread(List<Target> targets, List<Double> errors) throws Exception {
			this.farm.serve(targets.stream().map((target) -> target.spec(10)).toList());
			LocalServer collector = null;
			Delivery delivery = this.delivery;
			ProbeRound round = this.round;
			if (errors != null) {
				// Results come back here to be compared with what each target injected.
				collector = LocalServer.http().answer(ResultBatch.PATH, 201, "");
				delivery = delivery(collector.url("").toString());
				round = round(delivery);
			}
			double cpu = selfCpuSeconds();
			double farmCpu = this.farm.cpu();
			long start = System.nanoTime();
			RoundReport report = round.run(ProbeBenchmark.this.clock.instant(), RATE_WINDOW, ProbeRound.Pacing.SPREAD);
			delivery.drain(Duration.ofMinutes(1));
			Run run = new Run(report.checks(), report.failed(), (System.nanoTime() - start) / 1e9,
					selfCpuSeconds() - cpu, this.farm.cpu() - farmCpu);
			if (collector != null) {
				Map<UUID, Integer> injected = new HashMap<>();
				targets.forEach((target) -> injected.put(target.id(), target.delayMs()));
				for (LocalServer.Received received : collector.received()) {
					for (CheckResult result : WireJson.mapper()
						.readValue(received.body(), ResultBatch.class)
						.results()) {
						errors.add(result.timings().totalMs() - injected.get(result.endpointId()));
					}
				}
				delivery.close();
				collector.close();
			}
			return run;
		}

		@Override
		public void close() {
			this.delivery.close();
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
							Double duration = probe(target, module);
							checks.incrementAndGet();
							if (duration == null) {
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
			return paced(targets, module, perMinute, null);
		}

		/**
		 * Probes at a fixed rate for {@link #RATE_WINDOW}, as many concurrent requests as
		 * that takes; with {@code errors}, collects probe_duration_seconds - injected
		 * delay.
		 */
		Run paced(List<Target> targets, String module, int perMinute, List<Double> errors) throws InterruptedException {
			long total = RATE_WINDOW.toSeconds() * perMinute / 60;
			long periodNanos = TimeUnit.MINUTES.toNanos(1) / perMinute;
			double cpu = cpuSeconds(this.process.pid());
			double farmCpu = this.farm.cpu();
			AtomicLong failed = new AtomicLong();
			ConcurrentLinkedQueue<Double> measured = new ConcurrentLinkedQueue<>();
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
							Double duration = probe(target, module);
							if (duration == null) {
								failed.incrementAndGet();
							}
							else {
								measured.add(duration * 1000 - target.delayMs());
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
			return new Run(total, failed.get(), (System.nanoTime() - start) / 1e9, cpuSeconds(this.process.pid()) - cpu,
					this.farm.cpu() - farmCpu);
		}

		/** The probe's duration in seconds, or null when it failed. */
		private Double probe(Target target, String module) {
			URI uri = URI.create("http://127.0.0.1:" + this.port + "/probe?module=" + module + "&target="
					+ URLEncoder.encode(target.url().toString(), StandardCharsets.UTF_8));
			try {
				HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(uri).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200 || !response.body().contains("\nprobe_success 1")) {
					return null;
				}
				Matcher duration = DURATION.matcher(response.body());
				return duration.find() ? Double.parseDouble(duration.group(1)) : null;
			}
			catch (IOException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		@Override
		public void close() {
			this.process.destroy();
		}

	}

}
