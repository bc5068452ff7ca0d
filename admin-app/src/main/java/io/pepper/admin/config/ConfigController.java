package io.pepper.admin.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pepper.admin.token.ApiCaller;
import io.pepper.admin.web.InvalidInputException;
import io.pepper.http.server.MalformedJsonException;
import io.pepper.http.server.StrictJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/config} exports the caller's organization as YAML;
 * {@code POST /api/v1/config} imports such a document ({@code ?dryRun=true} only plans)
 * and answers with the plan as JSON. An import runs in one transaction bounded by
 * {@link ConfigProperties#importBudget()}: a document that cannot be planned and applied
 * in time, because it is huge or the database is held up, is rolled back and answered
 * 503.
 */
@Tag(name = "Configuration as code",
		description = "The whole configuration of an organization as one YAML or JSON document")
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

	private final TransactionTemplate budgeted;

	private final long budgetSeconds;

	ConfigController(ConfigService config, PlatformTransactionManager transactions, ConfigProperties properties) {
		this.config = config;
		this.budgetSeconds = Math.max(1, properties.importBudget().toSeconds());
		this.budgeted = new TransactionTemplate(transactions);
		this.budgeted.setTimeout((int) Math.min(Integer.MAX_VALUE, this.budgetSeconds));
	}

	@Operation(operationId = "exportConfig", summary = "Export the configuration as YAML",
			description = "Endpoints, channels, policies and maintenance windows as one YAML document that importConfig takes back.")
	@GetMapping(produces = YAML)
	ResponseEntity<String> export(@AuthenticationPrincipal ApiCaller caller) {
		return ResponseEntity.ok()
			.header("Content-Type", YAML + ";charset=UTF-8")
			.body(MAPPER.writeValueAsString(this.config.export(caller.organizationId())));
	}

	@Operation(operationId = "importConfig", summary = "Import a configuration document, or plan it with dryRun",
			description = "Checks the whole document first, plans it by name, then applies it in one transaction, so an error leaves nothing half-applied. With dryRun=true it only answers the plan.")
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
		try {
			return this.budgeted
				.execute((status) -> this.config.importDocument(caller.organizationId(), document, dryRun));
		}
		catch (TransactionTimedOutException | QueryTimeoutException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"the import did not finish within its budget of " + this.budgetSeconds
							+ " s and changed nothing; try again, or split the document");
			throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, ex);
		}
	}

}
