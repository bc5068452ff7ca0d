package io.pepper.admin.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import io.pepper.admin.web.InvalidInputException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a long YAML line costs the config import's parser, beside the same bytes in short
 * lines (same parser) and the same text as one JSON string (Jackson's JSON parser), and
 * what refusing a 1 MiB line costs with the line guard in front of the parser.
 */
@Tag("benchmark")
class ConfigParseBenchmark {

	static final int RUNS = Integer.getInteger("bench.runs", 5);

	static final YAMLMapper PLAIN_YAML = YAMLMapper.builder().build();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void longLinesBesideShortLinesAndJson() throws IOException {
		// The first pass warms the JIT up; the second is reported.
		measure();
		String report = measure();
		System.out.print(report);
		Files.writeString(Path.of("target", "admin-config-yaml-benchmark.txt"), report);
	}

	private static String measure() {
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "%-34s %10s %14s %12s %9s %9s%n", "document", "one line",
				"80-char lines", "JSON string", "vs lines", "vs JSON"));
		for (int kib : new int[] { 16, 64, 128, 256, 1024 }) {
			String text = "x".repeat(kib * 1024);
			byte[] oneLine = ("endpoints: []\n#" + text + "\n").getBytes(StandardCharsets.UTF_8);
			byte[] shortLines = ("endpoints: []\n" + ("#" + "x".repeat(79) + "\n").repeat(kib * 1024 / 80))
				.getBytes(StandardCharsets.UTF_8);
			byte[] json = ("{\"endpoints\": [], \"x\": \"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
			double line = median(() -> PLAIN_YAML.readValue(oneLine, Map.class));
			double lines = median(() -> PLAIN_YAML.readValue(shortLines, Map.class));
			double string = median(() -> JSON.readValue(json, Map.class));
			report.append(String.format(Locale.ROOT, "%-34s %8.1f ms %11.1f ms %9.2f ms %8.0fx %8.0fx%n",
					kib + " KiB comment" + ((kib * 1024 > ConfigLimits.MAX_LINE) ? " (refused by guard)" : ""), line,
					lines, string, line / lines, line / string));
		}
		byte[] huge = ("endpoints: []\n#" + "x".repeat(1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> ConfigLimits.checkLines(huge)).isInstanceOf(InvalidInputException.class);
		double guard = median(() -> {
			try {
				ConfigLimits.checkLines(huge);
			}
			catch (InvalidInputException expected) {
				// what the import answers
			}
			return null;
		});
		report.append(String.format(Locale.ROOT, "line guard refusing a 1 MiB line: %.2f ms (limit %d bytes)%n", guard,
				ConfigLimits.MAX_LINE));
		return report.toString();
	}

	private static double median(Work work) {
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			work.run();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		return ms[RUNS / 2];
	}

	@FunctionalInterface
	interface Work {

		Object run();

	}

}
