package io.pepper.admin.endpoint;

import java.util.List;
import java.util.Map;

import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.StatusRange;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** JPA converters between an endpoint's structured settings and their jsonb text. */
public final class JsonColumns {

	private JsonColumns() {
	}

	@Converter
	public static final class Headers implements AttributeConverter<Map<String, String>, String> {

		@Override
		public String convertToDatabaseColumn(Map<String, String> attribute) {
			return EndpointJson.writeHeaders(attribute);
		}

		@Override
		public Map<String, String> convertToEntityAttribute(String column) {
			return EndpointJson.readHeaders(column);
		}

	}

	@Converter
	public static final class StatusRanges implements AttributeConverter<List<StatusRange>, String> {

		@Override
		public String convertToDatabaseColumn(List<StatusRange> attribute) {
			return EndpointJson.writeStatusRanges(attribute);
		}

		@Override
		public List<StatusRange> convertToEntityAttribute(String column) {
			return EndpointJson.readStatusRanges(column);
		}

	}

	@Converter
	public static final class Settings implements AttributeConverter<CheckSettings, String> {

		@Override
		public @Nullable String convertToDatabaseColumn(@Nullable CheckSettings attribute) {
			return EndpointJson.writeSettings(attribute);
		}

		@Override
		public @Nullable CheckSettings convertToEntityAttribute(@Nullable String column) {
			return EndpointJson.readSettings(column);
		}

	}

	@Converter
	public static final class Assertions implements AttributeConverter<List<BodyAssertion>, String> {

		@Override
		public String convertToDatabaseColumn(List<BodyAssertion> attribute) {
			return EndpointJson.writeAssertions(attribute);
		}

		@Override
		public List<BodyAssertion> convertToEntityAttribute(String column) {
			return EndpointJson.readAssertions(column);
		}

	}

}
