package io.pepper.contracts.v1;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON settings of the wire: ISO-8601 instants, unknown properties ignored (a newer
 * sender may add fields), and missing or null primitives rejected.
 */
public final class WireJson {

	private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();

	private WireJson() {
	}

	/** A shared, thread-safe mapper with the wire's settings. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Applies the wire's settings to a builder, for services that build their own mapper.
	 */
	public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		return builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
	}

}
