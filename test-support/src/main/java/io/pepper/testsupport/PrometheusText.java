package io.pepper.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks the Prometheus text format a service serves, for Pepper's own families (those
 * named {@code pepper_*}): with {@code promtool check metrics} where it is installed, and
 * always with the same rules written out here, so a machine without promtool still checks
 * the format rather than skipping.
 */
public final class PrometheusText {

	/** Set to {@code true} where promtool must be present (scripts/test installs it). */
	public static final String REQUIRE_PROMTOOL = "PEPPER_REQUIRE_PROMTOOL";

	private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Pattern SAMPLE = Pattern
		.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+-?[0-9]+)?");

	private static final Pattern LABEL = Pattern
		.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

	private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

	private static final List<String> NON_BASE_UNITS = List.of("milliseconds", "microseconds", "nanoseconds", "minutes",
			"hours", "days", "kilobytes", "megabytes", "percent");

	private PrometheusText() {
	}

	/** Only the lines of Pepper's own families. */
	public static String pepperFamilies(String exposition) {
		StringBuilder kept = new StringBuilder();
		for (String line : exposition.lines().toList()) {
			String name = line.startsWith("# HELP ") || line.startsWith("# TYPE ") ? line.substring(7).split(" ")[0]
					: line.startsWith("#") ? "" : line.split("[{ ]")[0];
			if (name.startsWith("pepper_")) {
				kept.append(line).append('\n');
			}
		}
		return kept.toString();
	}

	/**
	 * What is wrong with Pepper's families, by promtool's lint rules: HELP and TYPE
	 * before the samples, valid names and labels, no repeated series, counters ending in
	 * {@code _total} and nothing else, base units, snake case. Empty when nothing is.
	 */
	public static List<String> problems(String exposition) {
		List<String> problems = new ArrayList<>();
		Map<String, String> types = new HashMap<>();
		Set<String> helped = new HashSet<>();
		Set<String> series = new HashSet<>();
		for (String line : pepperFamilies(exposition).lines().toList()) {
			if (line.startsWith("# HELP ")) {
				String[] parts = line.substring(7).split(" ", 2);
				if (parts.length < 2 || parts[1].isBlank()) {
					problems.add(parts[0] + " no help text");
				}
				helped.add(parts[0]);
				continue;
			}
			if (line.startsWith("# TYPE ")) {
				String[] parts = line.substring(7).split(" ");
				if (parts.length != 2 || !TYPES.contains(parts[1])) {
					problems.add("bad TYPE line: " + line);
					continue;
				}
				if (types.put(parts[0], parts[1]) != null) {
					problems.add(parts[0] + " has a second TYPE line");
				}
				name(parts[0], parts[1], problems);
				continue;
			}
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.matches()) {
				problems.add("not a sample line: " + line);
				continue;
			}
			String name = sample.group(1);
			String family = family(name, types);
			if (family == null) {
				problems.add(name + " has no TYPE line before its samples");
			}
			else if (!helped.contains(family)) {
				problems.add(family + " has no HELP line before its samples");
			}
			labels(name, sample.group(3), problems);
			value(name, sample.group(4), problems);
			if (!series.add(name + "{" + sorted(sample.group(3)) + "}")) {
				problems.add(name + " repeats the series {" + sample.group(3) + "}");
			}
		}
		return problems;
	}

	/**
	 * {@code GET /actuator/prometheus} of a service on loopback, with {@code token} as
	 * bearer token, or none when null.
	 */
	public static HttpResponse<String> scrape(int port, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What promtool says about Pepper's families in {@code exposition}; empty when it is
	 * content, and also when promtool is missing where it is not required
	 * ({@link #problems} checks the format there).
	 */
	public static List<String> promtoolProblemsIfPresent(String exposition) {
		Optional<Path> promtool = promtool();
		if (promtool.isEmpty()) {
			return promtoolRequired()
					? List.of("promtool is required here (" + REQUIRE_PROMTOOL + "=true) but not on the PATH")
					: List.of();
		}
		return promtoolProblems(promtool.get(), exposition);
	}

	/** Whether promtool is on the PATH. */
	public static Optional<Path> promtool() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, "promtool");
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** Whether this run must have promtool ({@value #REQUIRE_PROMTOOL}). */
	public static boolean promtoolRequired() {
		return "true".equalsIgnoreCase(System.getenv(REQUIRE_PROMTOOL));
	}

	/**
	 * What {@code promtool check metrics} says about Pepper's families: its output lines,
	 * and its exit status when not 0; empty when it is content.
	 */
	public static List<String> promtoolProblems(Path promtool, String exposition) {
		try {
			Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true)
				.start();
			try (OutputStream in = process.getOutputStream()) {
				in.write(pepperFamilies(exposition).getBytes(StandardCharsets.UTF_8));
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return List.of("promtool did not finish within 60 s");
			}
			List<String> problems = new ArrayList<>(output.lines().filter((line) -> !line.isBlank()).toList());
			if (process.exitValue() != 0) {
				problems.add("promtool exited with " + process.exitValue());
			}
			return problems;
		}
		catch (IOException ex) {
			return List.of("cannot run " + promtool + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return List.of("interrupted while promtool ran");
		}
	}

	private static void name(String name, String type, List<String> problems) {
		if (!NAME.matcher(name).matches()) {
			problems.add(name + " is not a valid metric name");
		}
		if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
			problems.add(name + " metric names should be written in 'snake_case' not 'camelCase'");
		}
		boolean total = name.endsWith("_total");
		if (type.equals("counter") && !total) {
			problems.add(name + " counter metrics should have \"_total\" suffix");
		}
		if (!type.equals("counter") && total) {
			problems.add(name + " non-counter metrics should not have \"_total\" suffix");
		}
		if (!type.equals("histogram") && !type.equals("summary")
				&& (name.endsWith("_sum") || name.endsWith("_count") || name.endsWith("_bucket"))) {
			problems.add(name + " non-histogram and non-summary metrics should not have \"_sum\", \"_count\" or "
					+ "\"_bucket\" suffix");
		}
		for (String unit : NON_BASE_UNITS) {
			if (name.contains("_" + unit)) {
				problems.add(name + " use base unit instead of \"" + unit + "\"");
			}
		}
	}

	/**
	 * The family a sample belongs to: its own name, or it with a histogram suffix cut.
	 */
	private static @Nullable String family(String sample, Map<String, String> types) {
		if (types.containsKey(sample)) {
			return sample;
		}
		for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
			if (sample.endsWith(suffix)) {
				String family = sample.substring(0, sample.length() - suffix.length());
				if (types.containsKey(family)) {
					return family;
				}
			}
		}
		return null;
	}

	private static void labels(String name, String labels, List<String> problems) {
		if (labels == null || labels.isEmpty()) {
			return;
		}
		Matcher label = LABEL.matcher(labels);
		int at = 0;
		Set<String> seen = new HashSet<>();
		while (at < labels.length()) {
			if (!label.find(at) || label.start() != at) {
				problems.add(name + " has malformed labels {" + labels + "}");
				return;
			}
			if (label.group(1).startsWith("__")) {
				problems.add(name + " uses the reserved label name " + label.group(1));
			}
			if (!seen.add(label.group(1))) {
				problems.add(name + " repeats the label " + label.group(1));
			}
			at = label.end();
		}
	}

	private static void value(String name, String value, List<String> problems) {
		if (value.equals("NaN") || value.equals("+Inf") || value.equals("-Inf")) {
			return;
		}
		try {
			Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			problems.add(name + " has the value '" + value + "', not a number");
		}
	}

	private static String sorted(String labels) {
		if (labels == null) {
			return "";
		}
		List<String> pairs = new ArrayList<>(List.of(labels.split(",(?=[a-zA-Z_][a-zA-Z0-9_]*=\")")));
		pairs.sort(null);
		return String.join(",", pairs);
	}

}
