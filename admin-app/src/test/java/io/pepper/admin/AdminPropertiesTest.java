package io.pepper.admin;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdminPropertiesTest {

	private static final String DIGEST = "a".repeat(64);

	@Test
	void apiTokenWithoutOwnerIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdminProperties.Bootstrap("Demo", null, null, DIGEST, null, List.of()))
			.withMessageContaining("pepper.admin.bootstrap.api-token-sha256 needs");
	}

	@Test
	void ownerWithoutOrganizationIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdminProperties.Bootstrap(null, "owner@example.com", null, null, null, List.of()))
			.withMessageContaining("pepper.admin.bootstrap.owner-email needs pepper.admin.bootstrap.organization");
	}

	@Test
	void normalizesEmailDigestsAndLocations() {
		AdminProperties.Bootstrap bootstrap = new AdminProperties.Bootstrap(" Demo ", "Owner@Example.COM", "",
				DIGEST.toUpperCase(), null, List.of("local", " eu-west", "", "local"));
		assertThat(bootstrap.organization()).isEqualTo("Demo");
		assertThat(bootstrap.ownerEmail()).isEqualTo("owner@example.com");
		assertThat(bootstrap.ownerPassword()).isNull();
		assertThat(bootstrap.apiTokenSha256()).isEqualTo(DIGEST);
		assertThat(bootstrap.locations()).containsExactly("local", "eu-west");
	}

}
