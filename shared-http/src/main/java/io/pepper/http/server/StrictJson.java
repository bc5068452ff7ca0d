package io.pepper.http.server;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reading a body as it is written: no scalar is coerced into another type ({@code "100"}
 * is not a number, {@code 5} not an enum, {@code 1} not a boolean, {@code 1.5} not a
 * whole number, {@code 123} not a string), no string or map key holds a NUL character (no
 * store keeps one), and no number is infinite ({@code 1e400}). Each refusal names its
 * field through {@link JsonProblems}. Unknown properties are left to the caller: public
 * APIs refuse them, service-to-service wires skip them on purpose.
 */
public final class StrictJson {

	/** The message of a string holding U+0000. */
	public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

	/** The message of a number too large for its type. */
	public static final String NON_FINITE_MESSAGE = "must be a finite number";

	private StrictJson() {
	}

	/**
	 * Applies the strict reading to a JSON or YAML mapper's builder; as a Spring Boot
	 * {@code JsonMapperBuilderCustomizer}: {@code StrictJson::configure}.
	 */
	public static <B extends MapperBuilder<?, B>> B configure(B builder) {
		return builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.addModule(module());
	}

	/**
	 * Only the checks of values (no NUL, finite numbers), for a mapper that keeps its
	 * coercions.
	 */
	public static JacksonModule module() {
		SimpleModule module = new SimpleModule("pepper-strict-json");
		module.setDeserializerModifier(new Checks());
		return module;
	}

	/** Whether {@code text} holds U+0000, which PostgreSQL cannot store in text. */
	public static boolean hasNul(@Nullable CharSequence text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\u0000') {
				return true;
			}
		}
		return false;
	}

	private static final class Checks extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueDeserializer<?> deserializer) {
			Class<?> type = bean.getBeanClass();
			if (type == String.class) {
				return new NoNul(deserializer);
			}
			if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
				return new Finite(deserializer);
			}
			return deserializer;
		}

		@Override
		public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
				KeyDeserializer deserializer) {
			return (type.getRawClass() == String.class) ? new NoNulKey(deserializer) : deserializer;
		}

	}

	private static final class NoNul extends DelegatingDeserializer {

		NoNul(ValueDeserializer<?> delegatee) {
			super(delegatee);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
			return new NoNul(delegatee);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			Object value = super.deserialize(p, ctxt);
			if (value instanceof String text && hasNul(text)) {
				return ctxt.reportInputMismatch(this, NUL_MESSAGE);
			}
			return value;
		}

	}

	private static final class NoNulKey extends KeyDeserializer {

		private final KeyDeserializer delegatee;

		NoNulKey(KeyDeserializer delegatee) {
			this.delegatee = delegatee;
		}

		@Override
		public @Nullable Object deserializeKey(String key, DeserializationContext ctxt) throws JacksonException {
			if (hasNul(key)) {
				return ctxt.reportInputMismatch(String.class, NUL_MESSAGE);
			}
			return this.delegatee.deserializeKey(key, ctxt);
		}

	}

	private static final class Finite extends DelegatingDeserializer {

		Finite(ValueDeserializer<?> delegatee) {
			super(delegatee);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
			return new Finite(delegatee);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
			Object value = super.deserialize(p, ctxt);
			if (value instanceof Number number && !Double.isFinite(number.doubleValue())) {
				return ctxt.reportInputMismatch(this, NON_FINITE_MESSAGE);
			}
			return value;
		}

	}

}
