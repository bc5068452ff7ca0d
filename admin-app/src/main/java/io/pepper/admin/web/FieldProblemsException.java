package io.pepper.admin.web;

import java.util.List;

import io.pepper.http.server.FieldProblem;

/**
 * A request refused with problems that name its fields; pages show them beside the
 * fields, the API answers them as a problem detail whose status the subclass decides.
 */
public abstract class FieldProblemsException extends RuntimeException {

	private final List<FieldProblem> problems;

	protected FieldProblemsException(String message, List<FieldProblem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> getProblems() {
		return this.problems;
	}

}
