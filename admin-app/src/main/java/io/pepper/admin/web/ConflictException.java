package io.pepper.admin.web;

import java.util.List;

import io.pepper.http.server.FieldProblem;

/** A request that clashes with what is stored, e.g. a taken name; answered with 409. */
public class ConflictException extends FieldProblemsException {

	public ConflictException(String field, String message) {
		super(field + ": " + message, List.of(new FieldProblem(field, message)));
	}

}
