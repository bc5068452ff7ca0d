package io.pepper.admin.web;

import java.util.List;

/** A request that clashes with what is stored, e.g. a taken name; answered with 409. */
public class ConflictException extends RuntimeException {

	private final List<FieldProblem> problems;

	public ConflictException(String field, String message) {
		super(field + ": " + message);
		this.problems = List.of(new FieldProblem(field, message));
	}

	public List<FieldProblem> getProblems() {
		return this.problems;
	}

}
