package io.pepper.receiver.metrics;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads which metrics a dashboard's PromQL names. */
final class Dashboards {

	private static final Set<String> PROMQL = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk",
			"bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left",
			"group_right", "and", "or", "unless", "bool", "offset", "time", "vector", "scalar", "abs", "ceil", "floor",
			"round", "clamp_min", "clamp_max", "clamp", "rate", "irate", "increase", "delta", "idelta", "deriv",
			"changes", "resets", "timestamp", "absent", "absent_over_time", "avg_over_time", "min_over_time",
			"max_over_time", "sum_over_time", "count_over_time", "last_over_time", "quantile_over_time",
			"histogram_quantile", "label_replace", "label_join", "sort", "sort_desc", "e", "inf", "nan", "label_values",
			"query_result", "__interval", "__range", "__rate_interval");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w\"])");

	private Dashboards() {
	}

	/**
	 * The metric names in {@code promql}: identifiers that are not PromQL's own words.
	 */
	static Set<String> metricsIn(String promql) {
		Set<String> metrics = new TreeSet<>();
		Matcher labelValues = LABEL_VALUES.matcher(promql);
		if (labelValues.find()) {
			metrics.add(labelValues.group(1));
			return metrics;
		}
		String stripped = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*\\}", "")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
			.replaceAll("\\[[^\\]]*\\]", "")
			.replaceAll("\\$\\{?\\w+\\}?", "")
			.replaceAll("\\b[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?[smhdwy]?\\b", "");
		Matcher identifier = IDENTIFIER.matcher(stripped);
		while (identifier.find()) {
			String name = identifier.group(1);
			if (!PROMQL.contains(name)) {
				metrics.add(name);
			}
		}
		return metrics;
	}

}
