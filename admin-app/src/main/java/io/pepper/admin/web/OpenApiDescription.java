package io.pepper.admin.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI description ({@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}) says about the API as a whole: every route takes a bearer
 * token, and errors are RFC 9457 problem details.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

	static final String BEARER = "bearer";

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
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
