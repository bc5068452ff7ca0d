package io.pepper.admin.bootstrap;

import java.util.List;

import io.pepper.admin.AdminProperties;
import io.pepper.admin.TestApi;
import io.pepper.admin.location.Location;
import io.pepper.admin.location.Locations;
import io.pepper.admin.organization.Membership;
import io.pepper.admin.organization.MembershipId;
import io.pepper.admin.organization.Memberships;
import io.pepper.admin.organization.Organization;
import io.pepper.admin.organization.Organizations;
import io.pepper.admin.organization.Role;
import io.pepper.admin.token.ApiToken;
import io.pepper.admin.token.ApiTokens;
import io.pepper.admin.token.ProbeTokens;
import io.pepper.contracts.auth.BearerTokens;
import io.pepper.admin.user.User;
import io.pepper.admin.user.Users;
import io.pepper.testsupport.LocalPostgres;
import io.pepper.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BootstrapTest {

	static final TestDatabase DATABASE = LocalPostgres.fromEnvironment().createDatabase("admin_bootstrap");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestApi.configure(registry, DATABASE);
	}

	@AfterAll
	static void dropDatabase() {
		DATABASE.close();
	}

	@Autowired
	Bootstrap bootstrap;

	@Autowired
	AdminProperties properties;

	@Autowired
	Organizations organizations;

	@Autowired
	Users users;

	@Autowired
	Memberships memberships;

	@Autowired
	ApiTokens apiTokens;

	@Autowired
	ProbeTokens probeTokens;

	@Autowired
	Locations locations;

	@Autowired
	PasswordEncoder passwordEncoder;

	@LocalServerPort
	int port;

	@Test
	void createsOrganizationOwnerTokensAndLocationsOnStartup() {
		Organization demo = this.organizations.findByName("Demo").orElseThrow();
		User owner = this.users.findByEmail("owner@example.com").orElseThrow();
		assertThat(this.passwordEncoder.matches("correct horse battery staple", owner.getPasswordHash())).isTrue();
		assertThat(this.memberships.findById(new MembershipId(owner.getId(), demo.getId()))).map(Membership::getRole)
			.contains(Role.OWNER);
		assertThat(this.apiTokens.findAll()).singleElement().satisfies((token) -> {
			assertThat(token.getTokenSha256()).isEqualTo(BearerTokens.sha256Hex(TestApi.OWNER_TOKEN));
			assertThat(token.getUserId()).isEqualTo(owner.getId());
			assertThat(token.getOrganizationId()).isEqualTo(demo.getId());
		});
		assertThat(this.probeTokens.existsByTokenSha256(BearerTokens.sha256Hex(TestApi.PROBE_TOKEN))).isTrue();
		assertThat(this.locations.findAll()).extracting(Location::getName)
			.containsExactlyInAnyOrder("local", "eu-west", "asia");
	}

	@Test
	void secondRunChangesNothing() {
		String passwordHash = this.users.findByEmail("owner@example.com").orElseThrow().getPasswordHash();
		List<Long> before = counts();

		List<String> created = this.bootstrap.run(this.properties.bootstrap());

		assertThat(created).isEmpty();
		assertThat(counts()).isEqualTo(before).containsExactly(1L, 1L, 1L, 1L, 1L, 3L);
		assertThat(this.users.findByEmail("owner@example.com").orElseThrow().getPasswordHash()).isEqualTo(passwordHash);
	}

	@Test
	void addsOnlyWhatIsMissing() {
		AdminProperties.Bootstrap more = new AdminProperties.Bootstrap("Demo", "owner@example.com", null,
				BearerTokens.sha256Hex("second-owner-token"), null, List.of("local", "us-east"));

		assertThat(this.bootstrap.run(more)).containsExactlyInAnyOrder("location us-east", "owner API token");
		assertThat(this.bootstrap.run(more)).isEmpty();
		assertThat(this.apiTokens.findAll()).extracting(ApiToken::getTokenSha256)
			.contains(BearerTokens.sha256Hex("second-owner-token"));
		this.apiTokens.findAll()
			.stream()
			.filter((token) -> token.getTokenSha256().equals(BearerTokens.sha256Hex("second-owner-token")))
			.forEach(this.apiTokens::delete);
		this.locations.findAll()
			.stream()
			.filter((location) -> location.getName().equals("us-east"))
			.forEach(this.locations::delete);
	}

	@Test
	void healthIsOpenAndEverythingElseIsClosed() {
		TestApi api = new TestApi(this.port);
		TestApi.Response health = api.get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(api.get("/actuator/env", null).status()).isIn(401, 403);
		// The UI's pages send anonymous visitors to sign in.
		TestApi.Response home = api.get("/", null);
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.header("Location")).endsWith("/login");
	}

	private List<Long> counts() {
		return List.of(this.organizations.count(), this.users.count(), this.memberships.count(), this.apiTokens.count(),
				this.probeTokens.count(), this.locations.count());
	}

}
