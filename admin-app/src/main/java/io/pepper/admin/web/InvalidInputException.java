package io.pepper.admin.web;

import java.util.List;

import io.pepper.http.server.FieldProblem;

/**
 * A request that cannot be accepted as it is; answered with 400 and its field problems.
 */
public class InvalidInputException extends FieldProblemsException {

	public InvalidInputException(List<FieldProblem> problems) {
		super(summary(problems), problems);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	static String summary(List<FieldProblem> problems) {
		return String.join("; ", problems.stream().map(FieldProblem::toString).toList());
	}

}
