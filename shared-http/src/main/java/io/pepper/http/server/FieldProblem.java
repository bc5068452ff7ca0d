package io.pepper.http.server;

/**
 * What is wrong with one field of a request.
 *
 * @param field the field, as named in the request ({@code results[0].outcome.kind})
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {

	@Override
	public String toString() {
		return this.field + ": " + this.message;
	}

}
