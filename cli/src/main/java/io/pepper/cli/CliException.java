package io.pepper.cli;

/** A failure the command reports in one message and exit code 1. */
final class CliException extends RuntimeException {

	CliException(String message) {
		super(message);
	}

}
