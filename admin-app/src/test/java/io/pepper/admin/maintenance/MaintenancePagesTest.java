package io.pepper.admin.maintenance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.pepper.admin.endpoint.Endpoint;
import io.pepper.admin.endpoint.EndpointRequest;
import io.pepper.admin.endpoint.EndpointService;
import io.pepper.admin.organization.Role;
import io.pepper.testsupport.Browser;
import io.pepper.admin.ui.UiTestBase;
import io.pepper.contracts.v1.MaintenanceWindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance window pages: one-off and weekly windows created, edited and deleted
 * with flash messages, bad input as field errors that store nothing, viewers who change
 * nothing and ids of other organizations not found.
 */
class MaintenancePagesTest extends UiTestBase {

	@Autowired
	WindowService windowService;

	@Autowired
	MaintenanceWindows windows;

	@Autowired
	EndpointService endpointService;

	@Test
	void pagesRenderInTheirEmptyAndFullStates() {
		String email = email("planner");
		UUID organization = organizationOf(owner(email, organizationName("Planning")));
		Browser browser = signedIn(email);
		assertThat(browser.get("/maintenance").body()).contains("id=\"empty-state\"")
			.contains("Plan your first window")
			.contains("href=\"/maintenance\"")
			.contains("incidents recorded, but nobody is notified")
			.contains("is announced then, once; one that ends before that is never announced, nor is its recovery");
		assertThat(browser.get("/maintenance/new").body()).contains("New maintenance window")
			.contains("SATURDAY")
			.contains("is announced then, once; one that ends before that is never announced, nor is its recovery");

		this.windowService.create(organization, new WindowRequest("Nightly",
				new MaintenanceWindowSpec.Weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 0), 90, ZoneId.of("UTC")),
				List.of(), List.of("db")));
		assertThat(browser.get("/maintenance").body()).contains("id=\"windows\"")
			.contains("Nightly")
			.contains("every Sun at 02:00 for 90 min (UTC)")
			.contains("db");
	}

	@Test
	void ownerCreatesEditsAndDeletesWindows() {
		String email = email("planner");
		UUID organization = organizationOf(owner(email, organizationName("Planned")));
		Endpoint endpoint = this.endpointService.create(organization,
				new EndpointRequest("Database", "https://db.example.com/", null, null, null, null, null, null, null,
						null, null, null, List.of("local"), List.of()));
		Browser browser = signedIn(email);
		browser.get("/maintenance/new");

		Browser.Page once = browser.post("/maintenance", "name", "Upgrade", "kind", "one-off", "zone", "Europe/Berlin",
				"start", "2026-12-01T02:00", "end", "2026-12-01T04:30", "endpointIds", endpoint.getId().toString());
		assertThat(once.redirectPath()).isEqualTo("/maintenance");
		assertThat(browser.follow(once).body()).contains("Maintenance window Upgrade created.")
			.contains("from 2026-12-01 01:00 to 2026-12-01 03:30 UTC")
			.contains("Database");
		MaintenanceWindow upgrade = byName(organization, "Upgrade");
		assertThat(upgrade.getSettings().schedule()).isEqualTo(new MaintenanceWindowSpec.OneOff(
				Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T03:30:00Z")));
		assertThat(upgrade.getSettings().endpointIds()).containsExactly(endpoint.getId());

		Browser.Page weekly = browser.post("/maintenance", "name", "Backups", "kind", "weekly", "zone",
				"America/New_York", "days", "SATURDAY", "days", "SUNDAY", "time", "03:30", "durationMinutes", "90",
				"tags", "db, batch");
		assertThat(browser.follow(weekly).body()).contains("Maintenance window Backups created.");
		MaintenanceWindow backups = byName(organization, "Backups");
		assertThat(backups.getSettings().schedule()).isEqualTo(new MaintenanceWindowSpec.Weekly(
				Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(3, 30), 90, ZoneId.of("America/New_York")));
		assertThat(backups.getSettings().tags()).containsExactly("db", "batch");

		String edit = "/maintenance/" + backups.getId();
		assertThat(browser.get(edit + "/edit").body()).contains("value=\"America/New_York\"")
			.containsPattern("value=\"SUNDAY\"[^>]*checked")
			.contains("value=\"db, batch\"");
		Browser.Page saved = browser.post(edit, "name", "Backups", "kind", "weekly", "zone", "UTC", "days", "MONDAY",
				"time", "01:00", "durationMinutes", "30", "tags", "");
		assertThat(browser.follow(saved).body()).contains("Maintenance window Backups saved.");
		assertThat(this.windows.findById(backups.getId()).orElseThrow().getSettings()).isEqualTo(new WindowSettings(
				"Backups",
				new MaintenanceWindowSpec.Weekly(Set.of(DayOfWeek.MONDAY), LocalTime.of(1, 0), 30, ZoneId.of("UTC")),
				List.of(), List.of()));

		assertThat(browser.follow(browser.post(edit + "/delete")).body())
			.contains("Maintenance window Backups deleted.");
		assertThat(this.windows.findById(backups.getId())).isEmpty();
		assertThat(browser.get(edit + "/edit").status()).isEqualTo(404);
	}

	static Stream<Arguments> badInput() {
		return Stream.of(Arguments.of("end", List.of("end", "2026-12-01T01:00"), "must be after the start"),
				Arguments.of("start", List.of("start", ""), "is required"),
				Arguments.of("start", List.of("start", "tomorrow"), "write it as yyyy-MM-ddTHH:mm"),
				Arguments.of("zone", List.of("zone", "Mars/Olympus"), "is not a time zone"),
				Arguments.of("days", List.of("kind", "weekly"), "choose at least one day"),
				Arguments.of("durationMinutes", List.of("kind", "weekly", "days", "MONDAY", "durationMinutes", "0"),
						"must be between 1 and 10080"),
				Arguments.of("durationMinutes",
						List.of("kind", "weekly", "days", "MONDAY", "durationMinutes", "a while"),
						"must be a whole number of minutes"),
				Arguments.of("time", List.of("kind", "weekly", "days", "MONDAY", "time", "25:00"),
						"write the time as HH:mm"),
				Arguments.of("kind", List.of("kind", "monthly"), "choose one-off or weekly"),
				Arguments.of("endpointIds", List.of("endpointIds", UUID.randomUUID().toString()),
						"unknown endpoint(s)"),
				Arguments.of("name", List.of("name", "Taken"), "already exists in this organization"),
				Arguments.of("name", List.of("name", " "), "must not be blank"));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("badInput")
	void badInputShowsTheFieldErrorAndStoresNothing(String field, List<String> override, String message) {
		String email = email("sloppy");
		UUID organization = organizationOf(owner(email, organizationName("Sloppy windows")));
		MaintenanceWindow taken = this.windowService.create(organization,
				new WindowRequest("Taken", new MaintenanceWindowSpec.OneOff(Instant.parse("2026-01-01T00:00:00Z"),
						Instant.parse("2026-01-01T01:00:00Z")), List.of(), List.of()));
		Browser browser = signedIn(email);
		List<String> form = new ArrayList<>(List.of("name", "New one", "kind", "one-off", "zone", "UTC", "start",
				"2026-12-01T02:00", "end", "2026-12-01T03:00", "time", "02:00", "durationMinutes", "60"));
		for (int i = 0; i < override.size(); i += 2) {
			int at = form.indexOf(override.get(i));
			if (at >= 0 && at % 2 == 0) {
				form.set(at + 1, override.get(i + 1));
			}
			else {
				form.addAll(override.subList(i, i + 2));
			}
		}

		Browser.Page answer = browser.post("/maintenance", form.toArray(String[]::new));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Nothing was saved")
			.containsPattern(
					"(is-invalid[^>]*(id|name)=\"" + field + "\")|((id|name)=\"" + field + "\"[^>]*is-invalid)")
			.contains(HtmlUtils.htmlEscape(message));
		assertThat(this.windows.findByOrganizationIdOrderByName(organization)).singleElement()
			.satisfies((w) -> assertThat(w.getSettings()).isEqualTo(taken.getSettings()));
	}

	@Test
	void viewerSeesWindowsAndIsRefusedEveryChange() {
		String ownerEmail = email("boss");
		UUID organization = organizationOf(owner(ownerEmail, organizationName("Watched windows")));
		MaintenanceWindow window = window(organization, "Watched window");
		String viewerEmail = email("viewer");
		member(user(viewerEmail), organization, Role.VIEWER);
		Browser browser = signedIn(viewerEmail);

		assertThat(browser.get("/maintenance").body()).contains("Watched window")
			.doesNotContain("New maintenance window")
			.doesNotContain("/delete");
		String id = "/maintenance/" + window.getId();
		assertThat(browser.get("/maintenance/new").status()).isEqualTo(403);
		assertThat(browser.get(id + "/edit").status()).isEqualTo(403);
		for (String route : List.of("/maintenance", id, id + "/delete")) {
			assertThat(browser
				.post(route, "name", "Hacked", "kind", "one-off", "zone", "UTC", "start", "2026-12-01T02:00", "end",
						"2026-12-01T03:00")
				.status()).as(route).isEqualTo(403);
		}
		assertThat(this.windows.findByOrganizationIdOrderByName(organization)).singleElement()
			.satisfies((w) -> assertThat(w.getName()).isEqualTo("Watched window"));
	}

	@Test
	void everyRouteTakingAnIdAnswers404ForAnotherOrganization() {
		String mineEmail = email("mine");
		organizationOf(owner(mineEmail, organizationName("Mine")));
		UUID theirs = organizationOf(owner(email("theirs"), organizationName("Theirs")));
		MaintenanceWindow their = window(theirs, "Theirs window");
		Browser browser = signedIn(mineEmail);
		String id = "/maintenance/" + their.getId();

		assertThat(browser.get(id + "/edit").status()).isEqualTo(404);
		assertThat(browser.get("/maintenance/" + UUID.randomUUID() + "/edit").status()).isEqualTo(404);
		for (String route : List.of(id, id + "/delete")) {
			Browser.Page answer = browser.post(route, "name", "Stolen", "kind", "one-off", "zone", "UTC", "start",
					"2026-12-01T02:00", "end", "2026-12-01T03:00");
			assertThat(answer.status()).as(route).isEqualTo(404);
			assertThat(answer.body()).doesNotContain("Theirs");
		}
		assertThat(this.windows.findById(their.getId()).orElseThrow().getName()).isEqualTo("Theirs window");
	}

	private MaintenanceWindow window(UUID organization, String name) {
		return this.windowService.create(organization,
				new WindowRequest(name, new MaintenanceWindowSpec.OneOff(Instant.parse("2026-01-01T00:00:00Z"),
						Instant.parse("2026-01-01T01:00:00Z")), List.of(), List.of()));
	}

	private MaintenanceWindow byName(UUID organization, String name) {
		return this.windows.findByOrganizationIdOrderByName(organization)
			.stream()
			.filter((w) -> w.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
