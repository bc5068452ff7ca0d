-- A counter bumped in the same transaction as every change to endpoints, so the probe feed can
-- keep its serialized answer until the counter moves (one tiny read per probe round instead of
-- reading and serializing every endpoint). A row update, not a sequence: it commits with the change.
CREATE TABLE probe_feed_version (
	only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
	version  bigint NOT NULL
);

INSERT INTO probe_feed_version (version) VALUES (1);

CREATE FUNCTION bump_probe_feed_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE probe_feed_version SET version = version + 1;
	RETURN NULL;
END;
$$;

CREATE TRIGGER endpoints_bump_probe_feed_version
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON endpoints
	FOR EACH STATEMENT EXECUTE FUNCTION bump_probe_feed_version();
