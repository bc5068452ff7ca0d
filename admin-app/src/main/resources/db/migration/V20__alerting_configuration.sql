-- Alerting configuration: notification channels, alert policies and maintenance windows.

-- Secrets (Slack and webhook URLs, signing secrets) are stored only encrypted
-- ("<key id>:<base64 of IV, ciphertext and tag>"); the *_hint columns keep the masked form people see.
CREATE TABLE notification_channels (
	id                       uuid PRIMARY KEY,
	organization_id          uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	name                     text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
	type                     text NOT NULL CHECK (type IN ('EMAIL', 'SLACK', 'WEBHOOK')),
	addresses                text[] NOT NULL DEFAULT '{}',
	url_encrypted            text,
	url_hint                 text,
	signing_secret_encrypted text,
	signing_secret_hint      text,
	created_at               timestamptz NOT NULL DEFAULT now(),
	updated_at               timestamptz NOT NULL DEFAULT now(),
	UNIQUE (organization_id, name),
	CHECK ((type = 'EMAIL') = (cardinality(addresses) > 0)),
	CHECK ((type = 'EMAIL') = (url_encrypted IS NULL)),
	CHECK ((type = 'WEBHOOK') = (signing_secret_encrypted IS NOT NULL))
);

-- A policy applies to one endpoint, to every endpoint with a tag, or to the whole organization.
CREATE TABLE alert_policies (
	id                        uuid PRIMARY KEY,
	organization_id           uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	name                      text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
	endpoint_id               uuid REFERENCES endpoints (id) ON DELETE CASCADE,
	tag                       text,
	failures_to_open          integer NOT NULL CHECK (failures_to_open BETWEEN 1 AND 100),
	locations_to_confirm      integer NOT NULL CHECK (locations_to_confirm BETWEEN 1 AND 100),
	successes_to_resolve      integer NOT NULL CHECK (successes_to_resolve BETWEEN 1 AND 100),
	apdex_floor               double precision CHECK (apdex_floor BETWEEN 0 AND 1),
	trend_sensitivity         text NOT NULL CHECK (trend_sensitivity IN ('OFF', 'LOW', 'MEDIUM', 'HIGH')),
	reminder_interval_minutes integer CHECK (reminder_interval_minutes BETWEEN 1 AND 10080),
	channel_ids               uuid[] NOT NULL DEFAULT '{}',
	created_at                timestamptz NOT NULL DEFAULT now(),
	updated_at                timestamptz NOT NULL DEFAULT now(),
	UNIQUE (organization_id, name),
	CHECK (endpoint_id IS NULL OR tag IS NULL)
);

-- At most one policy per endpoint, per tag, and one organization default.
CREATE UNIQUE INDEX alert_policies_endpoint_idx ON alert_policies (endpoint_id) WHERE endpoint_id IS NOT NULL;
CREATE UNIQUE INDEX alert_policies_tag_idx ON alert_policies (organization_id, tag) WHERE tag IS NOT NULL;
CREATE UNIQUE INDEX alert_policies_default_idx ON alert_policies (organization_id)
	WHERE endpoint_id IS NULL AND tag IS NULL;

-- A window covers the listed endpoints and tags; with neither, the whole organization.
-- The schedule is the wire form of MaintenanceWindowSpec.Schedule.
CREATE TABLE maintenance_windows (
	id              uuid PRIMARY KEY,
	organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
	schedule        jsonb NOT NULL CHECK (jsonb_typeof(schedule) = 'object'),
	endpoint_ids    uuid[] NOT NULL DEFAULT '{}',
	tags            text[] NOT NULL DEFAULT '{}',
	created_at      timestamptz NOT NULL DEFAULT now(),
	updated_at      timestamptz NOT NULL DEFAULT now(),
	UNIQUE (organization_id, name)
);

-- Probe tokens made through the API belong to one organization and see only its endpoints;
-- tokens without one (from the bootstrap) serve the whole installation.
ALTER TABLE probe_tokens ADD COLUMN organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE;

-- The last characters of a token made through the API, so people can tell their tokens apart.
ALTER TABLE probe_tokens ADD COLUMN token_hint text;
ALTER TABLE api_tokens ADD COLUMN token_hint text;
