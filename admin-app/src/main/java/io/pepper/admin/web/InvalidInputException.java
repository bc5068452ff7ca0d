package io.pepper.admin.web;

import java.util.List;

/**
 * A request that cannot be accepted as it is; answered with 400 and its field problems.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> getProblems() {
		return this.problems;
	}

	static String summary(List<FieldProblem> problems) {
		return String.join("; ", problems.stream().map(FieldProblem::toString).toList());
	}

}
