package io.pepper.admin.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.pepper.contracts.v1.BodyAssertion;
import io.pepper.contracts.v1.CheckSettings;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI description ({@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}) says about the API as a whole: every route takes a bearer
 * token, creating answers 201 with {@code Location}, deleting 204, and errors are RFC
 * 9457 problem details. The controllers name and summarize their operations
 * ({@code @Operation}); {@link #exactResponses()} adds what holds for all of them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

	static final String BEARER = "bearer";

	static final String PROBLEM = "ProblemDetail";

	static final String PROBLEM_JSON = "application/problem+json";

	/**
	 * The polymorphic types of the API; their Jackson type names are the discriminators.
	 */
	private static final List<Class<?>> POLYMORPHIC = List.of(BodyAssertion.class, CheckSettings.class,
			MaintenanceWindowSpec.Schedule.class);

	/**
	 * The operations that may be refused 409: a name or scope already taken, a channel a
	 * policy still uses, a location endpoints still use (the import applies through the
	 * same services).
	 */
	private static final List<String> CONFLICTING = List.of("createEndpoint", "updateEndpoint", "createChannel",
			"updateChannel", "deleteChannel", "createPolicy", "updatePolicy", "createMaintenanceWindow",
			"updateMaintenanceWindow", "createLocation", "retireLocation", "importConfig");

	/**
	 * The operations that answer 304 to an {@code If-None-Match} with the current ETag.
	 */
	private static final List<String> REVALIDATED = List.of("listProbeEndpoints", "getAlertingSnapshot");

	@Bean
	OpenAPI pepperOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Pepper admin API")
				.version("v1")
				.description("""
						Endpoints, notification channels, alert policies, maintenance windows, tokens and \
						configuration as code of the organization a personal API token belongs to \
						(/api/v1/**); the probe feed (/api/probe/v1/**, probe tokens) and the service API \
						(/api/service/v1/**, service tokens). Send `Authorization: Bearer <token>`. \
						Owners and admins change, viewers read. Errors are RFC 9457 problem details \
						(application/problem+json) with an `errors` array of {field, message}.""")
				.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * The status codes the API really answers, the problem detail on every error it can
	 * answer, and the discriminator mappings of the polymorphic types.
	 */
	@Bean
	OpenApiCustomizer exactResponses() {
		return (openApi) -> {
			Components components = openApi.getComponents();
			if (components == null) {
				components = new Components();
				openApi.setComponents(components);
			}
			components.addSchemas("FieldError",
					new ObjectSchema().description("One field's problem")
						.addProperty("field",
								new StringSchema().description("The field, as a JSON path such as items[1].count"))
						.addProperty("message", new StringSchema().description("What is wrong with it"))
						.required(List.of("field", "message")));
			components.addSchemas(PROBLEM,
					new ObjectSchema().description("An RFC 9457 problem detail")
						.addProperty("type", new StringSchema().format("uri-reference")._default("about:blank"))
						.addProperty("title", new StringSchema())
						.addProperty("status", new IntegerSchema().format("int32"))
						.addProperty("detail", new StringSchema())
						.addProperty("instance", new StringSchema().format("uri-reference"))
						.addProperty("errors",
								new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
									.description("The fields at fault, when there are any"))
						.required(List.of("title", "status")));
			Map<String, Schema> schemas = components.getSchemas();
			if (schemas != null) {
				mapDiscriminators(schemas);
			}
			if (openApi.getPaths() != null) {
				openApi.getPaths().forEach(this::describe);
			}
		};
	}

	private void describe(String path, PathItem item) {
		item.readOperationsMap().forEach((method, operation) -> {
			ApiResponses responses = operation.getResponses();
			if (responses == null) {
				responses = new ApiResponses();
				operation.setResponses(responses);
			}
			boolean creates = method == PathItem.HttpMethod.POST && operation.getOperationId() != null
					&& operation.getOperationId().startsWith("create");
			if (creates) {
				ApiResponse ok = responses.remove("200");
				ApiResponse created = (ok != null) ? ok : new ApiResponse();
				created.description("Created; Location names the new resource")
					.addHeaderObject("Location", new Header().description("The URL of the new resource")
						.schema(new StringSchema().format("uri-reference")));
				responses.addApiResponse("201", created);
			}
			if (method == PathItem.HttpMethod.DELETE) {
				responses.remove("200");
				responses.addApiResponse("204", new ApiResponse().description("Deleted; no content"));
			}
			String id = (operation.getOperationId() != null) ? operation.getOperationId() : "";
			boolean hasBody = operation.getRequestBody() != null;
			boolean hasInput = operation.getParameters() != null
					&& operation.getParameters().stream().anyMatch((parameter) -> !"header".equals(parameter.getIn()));
			boolean writes = method != PathItem.HttpMethod.GET;
			if (REVALIDATED.contains(id)) {
				ApiResponse ok = responses.get("200");
				if (ok != null) {
					ok.addHeaderObject("ETag", new Header().description("Send it back in If-None-Match to revalidate")
						.schema(new StringSchema()));
				}
				responses.addApiResponse("304", new ApiResponse().description("Not modified since the ETag sent"));
			}
			if ("listEndpoints".equals(id) && responses.get("200") != null) {
				responses.get("200")
					.addHeaderObject("X-Total-Count", new Header().description("How many endpoints match in all")
						.schema(new IntegerSchema().format("int64")));
			}
			if (hasBody || hasInput) {
				problem(responses, "400", "Bad input; errors names the fields");
			}
			problem(responses, "401", "No valid bearer token");
			if (path.startsWith("/api/v1/") && (writes || path.startsWith("/api/v1/probe-tokens"))) {
				problem(responses, "403", "The token's role does not allow this");
			}
			if (path.contains("{")) {
				problem(responses, "404", "No such resource in the token's organization");
			}
			if (CONFLICTING.contains(id)) {
				problem(responses, "409", "Conflicts with what is stored");
			}
			if (hasBody) {
				problem(responses, "413", "The body is larger than the limit");
				if (!"importConfig".equals(id)) {
					// The import reads YAML whatever the type says (JSON is YAML too).
					problem(responses, "415", "The body is not of a type this operation reads");
				}
			}
			if ("getAlertingSnapshot".equals(id)) {
				problem(responses, "500", "A stored secret cannot be decrypted with the configured key");
			}
			if ("importConfig".equals(id)) {
				problem(responses, "503", "The import took longer than allowed and was rolled back");
			}
			Object example = RequestExamples.of(id);
			if (example != null && operation.getRequestBody() != null
					&& operation.getRequestBody().getContent() != null) {
				operation.getRequestBody().getContent().values().forEach((media) -> media.setExample(example));
			}
		});
	}

	private static void problem(ApiResponses responses, String status, String description) {
		if (responses.containsKey(status)) {
			return;
		}
		responses.addApiResponse(status,
				new ApiResponse().description(description)
					.content(new Content().addMediaType(PROBLEM_JSON,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	/**
	 * Every polymorphic type's discriminator maps the names the server accepts (Jackson's
	 * type names, such as {@code keyword-present}) to their schemas, wherever the type
	 * appears as a {@code oneOf}.
	 */
	@SuppressWarnings("rawtypes")
	private static void mapDiscriminators(Map<String, Schema> schemas) {
		List<Map<String, String>> mappings = new ArrayList<>();
		for (Class<?> type : POLYMORPHIC) {
			JsonSubTypes subTypes = type.getAnnotation(JsonSubTypes.class);
			Schema<?> base = schemas.get(type.getSimpleName());
			if (subTypes == null || base == null) {
				continue;
			}
			Map<String, String> mapping = new LinkedHashMap<>();
			for (JsonSubTypes.Type subType : subTypes.value()) {
				mapping.put(subType.name(), "#/components/schemas/" + subType.value().getSimpleName());
			}
			base.setDiscriminator(new Discriminator().propertyName("type").mapping(mapping));
			Schema<?> property = (base.getProperties() != null) ? base.getProperties().get("type") : null;
			if (property instanceof Schema<?> typeProperty) {
				@SuppressWarnings("unchecked")
				Schema<Object> names = (Schema<Object>) typeProperty;
				names.setEnum(new ArrayList<>(mapping.keySet()));
			}
			mappings.add(mapping);
		}
		for (Schema<?> schema : schemas.values()) {
			visit(schema, mappings);
		}
	}

	@SuppressWarnings("rawtypes")
	private static void visit(@Nullable Schema<?> schema, List<Map<String, String>> mappings) {
		if (schema == null) {
			return;
		}
		List<Schema> oneOf = schema.getOneOf();
		if (oneOf != null && !oneOf.isEmpty() && schema.getDiscriminator() == null) {
			List<String> refs = oneOf.stream().map(Schema::get$ref).toList();
			for (Map<String, String> mapping : mappings) {
				if (mapping.values().containsAll(refs)) {
					schema.setDiscriminator(new Discriminator().propertyName("type").mapping(mapping));
				}
			}
		}
		visit(schema.getItems(), mappings);
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach((property) -> visit(property, mappings));
		}
		if (schema.getAllOf() != null) {
			schema.getAllOf().forEach((part) -> visit(part, mappings));
		}
	}

}
