package io.pepper.admin.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pepper.admin.token.ApiCaller;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.http.server.MalformedJsonException;
import io.pepper.http.server.StrictJson;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/config} exports the caller's organization as YAML;
 * {@code POST /api/v1/config} imports such a document ({@code ?dryRun=true} only plans)
 * and answers with the plan as JSON.
 */
@RestController
@RequestMapping(ConfigController.PATH)
class ConfigController {

	static final String PATH = "/api/v1/config";

	static final String YAML = "application/yaml";

	/**
	 * Strict like the JSON API: an unknown key is a mistake, not something to skip. Types
	 * are written as a {@code type} key, not as YAML tags, so the document reads plainly.
	 */
	static final YAMLMapper MAPPER = StrictJson.configure(YAMLMapper.builder(ConfigLimits.yamlFactory()))
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(YAMLWriteFeature.USE_NATIVE_TYPE_ID)
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		// A text that reads as a number (a Telegram chat id) must come back as text.
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
		.build();

	private final ConfigService config;

	ConfigController(ConfigService config) {
		this.config = config;
	}

	@GetMapping(produces = YAML)
	ResponseEntity<String> export(@AuthenticationPrincipal ApiCaller caller) {
		return ResponseEntity.ok()
			.header("Content-Type", YAML + ";charset=UTF-8")
			.body(MAPPER.writeValueAsString(this.config.export(caller.organizationId())));
	}

	@PostMapping
	ConfigPlan importDocument(@AuthenticationPrincipal ApiCaller caller,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/yaml",
					schema = @Schema(implementation = ConfigDocument.class))) @RequestBody byte[] body,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		ConfigLimits.checkLines(body);
		ConfigDocument document;
		try {
			document = MAPPER.readValue(ConfigLimits.withinBudget(body), ConfigDocument.class);
		}
		catch (JacksonException ex) {
			throw ConfigLimits.budgetSpent(ex) ? new InvalidInputException("body", ConfigLimits.BUDGET_MESSAGE)
					: new MalformedJsonException(ex);
		}
		catch (RuntimeException ex) {
			if (ConfigLimits.budgetSpent(ex)) {
				throw new InvalidInputException("body", ConfigLimits.BUDGET_MESSAGE);
			}
			throw ex;
		}
		if (document == null) {
			throw new InvalidInputException("body",
					"must be a YAML mapping with endpoints, channels, policies " + "and maintenanceWindows");
		}
		return this.config.importDocument(caller.organizationId(), document, dryRun);
	}

}
