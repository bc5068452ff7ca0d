package io.pepper.contracts.v1;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the body of a correct response must satisfy. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = BodyAssertion.KeywordPresent.class, name = "keyword-present"),
		@JsonSubTypes.Type(value = BodyAssertion.KeywordAbsent.class, name = "keyword-absent"),
		@JsonSubTypes.Type(value = BodyAssertion.JsonPathEquals.class, name = "json-path-equals") })
public sealed interface BodyAssertion {

	/** The body contains {@code keyword}. */
	record KeywordPresent(String keyword) implements BodyAssertion {

		public KeywordPresent {
			Require.text(keyword, "keyword");
		}

	}

	/** The body does not contain {@code keyword}. */
	record KeywordAbsent(String keyword) implements BodyAssertion {

		public KeywordAbsent {
			Require.text(keyword, "keyword");
		}

	}

	/**
	 * The JSON body has {@code expected} (compared as text) at {@code path}, e.g.
	 * {@code $.status}.
	 */
	record JsonPathEquals(String path, String expected) implements BodyAssertion {

		public JsonPathEquals {
			Require.text(path, "path");
			Require.present(expected, "expected");
		}

	}

}
