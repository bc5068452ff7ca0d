package io.pepper.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code pepper}: config as code against admin-app. Exit codes: 0 done (for diff: no
 * changes), 2 diff found changes, 1 an error (admin-app's answer is printed), 64 bad
 * usage.
 */
@Command(name = "pepper", mixinStandardHelpOptions = true, version = "pepper 0.1.0",
		description = "Pepper config as code: export, diff and apply a YAML document; list endpoints.",
		subcommands = { Pepper.Export.class, Pepper.Diff.class, Pepper.Apply.class, Pepper.Endpoints.class,
				Pepper.Incidents.class })
public final class Pepper {

	/** Exit code of {@code diff} when the document would change something. */
	static final int CHANGES = 2;

	static final int USAGE = 64;

	@Option(names = "--url", description = "admin-app's base URL (env PEPPER_URL; default http://localhost:8080)")
	@Nullable URI url;

	@Option(names = "--token-file",
			description = "a file holding the API token (env PEPPER_TOKEN_FILE); else env PEPPER_TOKEN")
	@Nullable Path tokenFile;

	private final Map<String, String> env;

	private final PrintWriter out;

	Pepper(Map<String, String> env, PrintWriter out) {
		this.env = env;
		this.out = out;
	}

	public static void main(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		System.exit(run(args, System.getenv(), out, err));
	}

	/** Runs one command line; returns its exit code. */
	static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
		CommandLine line = new CommandLine(new Pepper(env, out));
		line.setOut(out).setErr(err);
		// picocli's own usage code is 2, which diff means "changes".
		line.setParameterExceptionHandler((ex, arguments) -> {
			err.println("pepper: " + ex.getMessage());
			ex.getCommandLine().usage(err);
			return USAGE;
		});
		line.setExecutionExceptionHandler((ex, command, parsed) -> {
			if (ex instanceof CliException) {
				err.println("pepper: " + ex.getMessage());
				return 1;
			}
			throw ex;
		});
		int code = line.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	AdminApi api() {
		Path file = this.tokenFile;
		if (file == null && this.env.get("PEPPER_TOKEN_FILE") != null) {
			file = Path.of(this.env.get("PEPPER_TOKEN_FILE"));
		}
		String token;
		if (file != null) {
			try {
				token = Files.readString(file).strip();
			}
			catch (IOException ex) {
				throw new CliException("cannot read the token file " + file + ": " + ex.getMessage());
			}
		}
		else {
			token = this.env.getOrDefault("PEPPER_TOKEN", "").strip();
		}
		if (token.isEmpty()) {
			throw new CliException("no API token: set PEPPER_TOKEN, PEPPER_TOKEN_FILE or --token-file");
		}
		URI base = (this.url != null) ? this.url
				: URI.create(this.env.getOrDefault("PEPPER_URL", "http://localhost:8080"));
		if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
			throw new CliException("the admin-app URL must be http or https: " + base);
		}
		return new AdminApi(base, token);
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new CliException("cannot read " + file + ": " + ex.getMessage());
		}
	}

	/** The plan as a readable diff, one line per change, and a summary; true if any. */
	static boolean print(JsonNode plan, PrintWriter out, boolean applied) {
		int changes = 0;
		for (JsonNode change : plan.path("changes")) {
			String action = change.path("action").asString();
			String mark = switch (action) {
				case "CREATE" -> "+";
				case "DELETE" -> "-";
				default -> "~";
			};
			out.printf("%s %s \"%s\"%n", mark, change.path("kind").asString(), change.path("name").asString());
			changes++;
		}
		int unchanged = plan.path("unchanged").asInt();
		if (changes == 0) {
			out.printf("No changes (%d unchanged).%n", unchanged);
		}
		else {
			out.printf("%d %s %s, %d unchanged.%n", changes, (changes == 1) ? "change" : "changes",
					applied ? "applied" : "planned", unchanged);
		}
		return changes > 0;
	}

	@Command(name = "export", description = "Prints the organization's configuration as YAML.")
	static final class Export implements Callable<Integer> {

		@ParentCommand
		Pepper pepper;

		@Override
		public Integer call() {
			this.pepper.out.print(AdminApi.ok(this.pepper.api().get("/api/v1/config")));
			return 0;
		}

	}

	@Command(name = "diff",
			description = "Shows what applying the document would change; exit code 2 when it would change something.")
	static final class Diff implements Callable<Integer> {

		@ParentCommand
		Pepper pepper;

		@Option(names = { "-f", "--file" }, required = true, description = "the YAML document")
		Path file;

		@Override
		public Integer call() {
			String body = AdminApi.ok(this.pepper.api().postYaml("/api/v1/config?dryRun=true", read(this.file)));
			return print(AdminApi.json(body), this.pepper.out, false) ? CHANGES : 0;
		}

	}

	@Command(name = "apply", description = "Applies the document: creates, updates and deletes to match it.")
	static final class Apply implements Callable<Integer> {

		@ParentCommand
		Pepper pepper;

		@Option(names = { "-f", "--file" }, required = true, description = "the YAML document")
		Path file;

		@Override
		public Integer call() {
			String body = AdminApi.ok(this.pepper.api().postYaml("/api/v1/config?dryRun=false", read(this.file)));
			print(AdminApi.json(body), this.pepper.out, true);
			return 0;
		}

	}

	@Command(name = "endpoints", description = "Endpoints of the organization.", subcommands = { Endpoints.List.class })
	static final class Endpoints {

		@ParentCommand
		Pepper pepper;

		@Command(name = "list", description = "Lists every endpoint: name, state, locations and URL.")
		static final class List implements Callable<Integer> {

			private static final int PAGE = 500;

			@ParentCommand
			Endpoints endpoints;

			@Override
			public Integer call() {
				Pepper pepper = this.endpoints.pepper;
				AdminApi api = pepper.api();
				pepper.out.printf("%-40s %-8s %-24s %s%n", "NAME", "STATE", "LOCATIONS", "URL");
				for (int page = 0;; page++) {
					JsonNode items = AdminApi
						.json(AdminApi.ok(api.get("/api/v1/endpoints?size=" + PAGE + "&page=" + page)));
					for (JsonNode endpoint : items) {
						java.util.List<String> locations = new java.util.ArrayList<>();
						endpoint.path("locations").forEach((location) -> locations.add(location.asString()));
						pepper.out.printf("%-40s %-8s %-24s %s%n", endpoint.path("name").asString(),
								endpoint.path("enabled").asBoolean(true) ? "active" : "paused",
								String.join(",", locations), endpoint.path("url").asString());
					}
					if (items.size() < PAGE) {
						return 0;
					}
				}
			}

		}

	}

	@Command(name = "incidents", description = "Incidents of the organization.", subcommands = { Incidents.List.class })
	static final class Incidents {

		@ParentCommand
		Pepper pepper;

		@Command(name = "list", description = "Lists incidents, newest first: state, kind, opened, endpoint, reason.")
		static final class List implements Callable<Integer> {

			@ParentCommand
			Incidents incidents;

			@Option(names = "--state", description = "OPEN or RESOLVED; both when left out")
			@Nullable String state;

			@Option(names = "--limit", defaultValue = "100", description = "at most this many (1 to 500)")
			int limit;

			@Override
			public Integer call() {
				Pepper pepper = this.incidents.pepper;
				String query = "?limit=" + this.limit + ((this.state != null)
						? "&state=" + java.net.URLEncoder.encode(this.state, StandardCharsets.UTF_8) : "");
				JsonNode items = AdminApi.json(AdminApi.ok(pepper.api().get("/api/v1/incidents" + query)));
				pepper.out.printf("%-9s %-9s %-20s %-30s %s%n", "STATE", "KIND", "OPENED", "ENDPOINT", "REASON");
				for (JsonNode incident : items) {
					pepper.out.printf("%-9s %-9s %-20s %-30s %s%n", incident.path("state").asString(),
							incident.path("kind").asString(), incident.path("openedAt").asString(),
							incident.path("endpointName").asString(incident.path("endpointId").asString()),
							incident.path("reason").asString());
				}
				return 0;
			}

		}

	}

}
