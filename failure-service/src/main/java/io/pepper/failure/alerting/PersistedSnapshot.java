package io.pepper.failure.alerting;

import java.time.ZoneOffset;
import java.util.Optional;

import io.pepper.contracts.v1.AlertingSnapshot;
import io.pepper.contracts.v1.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last alerting snapshot admin-app sent, kept in failure-service's own schema so that
 * after a restart decisions and deliveries go on with it while admin-app is away.
 */
class PersistedSnapshot {

	private static final Logger logger = LoggerFactory.getLogger(PersistedSnapshot.class);

	private final JdbcClient jdbc;

	PersistedSnapshot(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The snapshot kept last, if any and still readable. */
	Optional<AlertingSnapshot> load() {
		Optional<String> json = this.jdbc.sql("SELECT snapshot::text FROM alerting_snapshot")
			.query(String.class)
			.optional();
		try {
			return json.map((text) -> WireJson.mapper().readValue(text, AlertingSnapshot.class));
		}
		catch (RuntimeException ex) {
			logger.warn("The alerting snapshot kept from before cannot be read; waiting for admin-app's: {}",
					ex.toString());
			return Optional.empty();
		}
	}

	/** Keeps {@code snapshot} in place of the last one; never throws. */
	void save(AlertingSnapshot snapshot) {
		try {
			this.jdbc
				.sql("""
						INSERT INTO alerting_snapshot (id, snapshot, generated_at) VALUES (true, CAST(:snapshot AS jsonb), :at)
						ON CONFLICT (id) DO UPDATE
						SET snapshot = EXCLUDED.snapshot, generated_at = EXCLUDED.generated_at, stored_at = now()
						""")
				.param("snapshot", WireJson.mapper().writeValueAsString(snapshot))
				.param("at", snapshot.generatedAt().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (RuntimeException ex) {
			// The snapshot is still used; only a restart during this outage would miss
			// it.
			logger.warn("Cannot keep the alerting snapshot of {}: {}", snapshot.generatedAt(), ex.toString());
		}
	}

}
