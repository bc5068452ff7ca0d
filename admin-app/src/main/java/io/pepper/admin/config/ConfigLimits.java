package io.pepper.admin.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.pepper.admin.web.InvalidInputException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * What a configuration document may ask of the parser, so that no document stalls the
 * app: at most {@value #MAX_CODE_POINTS} code points, {@value #MAX_DEPTH} levels of
 * nesting, {@value #MAX_ALIASES} aliases, lines of at most {@value #MAX_LINE} bytes (the
 * YAML scanner's cost grows with the square of a line's length) and {@link #PARSE_BUDGET}
 * of reading.
 */
final class ConfigLimits {

	/** As many characters as the largest body a configuration import accepts. */
	static final int MAX_CODE_POINTS = 32 * 1024 * 1024;

	/** A document nests organization, endpoint, assertion: a handful of levels. */
	static final int MAX_DEPTH = 32;

	/** Anchors may share a few header maps; billion-laughs documents need thousands. */
	static final int MAX_ALIASES = 100;

	/** Twice the longest endpoint body, written on one line with escapes. */
	static final int MAX_LINE = 128 * 1024;

	static final Duration PARSE_BUDGET = Duration.ofSeconds(10);

	static final String BUDGET_MESSAGE = "could not be read within " + PARSE_BUDGET.toSeconds()
			+ " s; split the document or shorten it";

	private ConfigLimits() {
	}

	static YAMLFactory yamlFactory() {
		return YAMLFactory.builder()
			.loadSettings(LoadSettings.builder()
				.setCodePointLimit(MAX_CODE_POINTS)
				.setMaxAliasesForCollections(MAX_ALIASES)
				.setAllowRecursiveKeys(false)
				.build())
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
			.build();
	}

	/** Refuses a document with a line longer than {@value #MAX_LINE} bytes, naming it. */
	static void checkLines(byte[] body) {
		int line = 1;
		int start = 0;
		for (int i = 0; i <= body.length; i++) {
			if (i == body.length || body[i] == '\n') {
				if (i - start > MAX_LINE) {
					throw new InvalidInputException("body",
							"line " + line + " is longer than " + MAX_LINE + " bytes; use a block scalar (|) instead");
				}
				line++;
				start = i + 1;
			}
		}
	}

	/** The body, read only until {@link #PARSE_BUDGET} is spent. */
	static InputStream withinBudget(byte[] body) {
		return withinBudget(body, PARSE_BUDGET);
	}

	static InputStream withinBudget(byte[] body, Duration budget) {
		return new Deadline(body, System.nanoTime() + budget.toNanos());
	}

	/** Whether the parser stopped because the budget was spent. */
	static boolean budgetSpent(RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BudgetSpentException) {
				return true;
			}
		}
		return false;
	}

	private static final class Deadline extends InputStream {

		private final ByteArrayInputStream body;

		private final long deadline;

		Deadline(byte[] body, long deadline) {
			this.body = new ByteArrayInputStream(body);
			this.deadline = deadline;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			check();
			return this.body.read(buffer, offset, length);
		}

		@Override
		public int read() throws IOException {
			check();
			return this.body.read();
		}

		private void check() throws BudgetSpentException {
			if (System.nanoTime() - this.deadline > 0) {
				throw new BudgetSpentException();
			}
		}

	}

	private static final class BudgetSpentException extends IOException {

		BudgetSpentException() {
			super(BUDGET_MESSAGE);
		}

	}

}
