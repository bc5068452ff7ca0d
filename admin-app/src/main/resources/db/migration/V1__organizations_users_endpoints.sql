-- Tenancy, people, probe locations and tokens, and the endpoints probes check.

CREATE TABLE organizations (
	id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	name       text NOT NULL UNIQUE CHECK (length(btrim(name)) BETWEEN 1 AND 200),
	created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
	id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	email         text NOT NULL UNIQUE CHECK (email = lower(email) AND position('@' IN email) > 1),
	-- Null until the user sets a password (API-only or invited users).
	password_hash text,
	created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
	user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	role            text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'VIEWER')),
	PRIMARY KEY (user_id, organization_id)
);

CREATE INDEX memberships_organization_idx ON memberships (organization_id);

-- Personal API tokens, scoped to one organization; only the SHA-256 digest is stored.
CREATE TABLE api_tokens (
	id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	user_id         uuid NOT NULL,
	organization_id uuid NOT NULL,
	token_sha256    text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
	name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
	created_at      timestamptz NOT NULL DEFAULT now(),
	last_used_at    timestamptz,
	-- A token dies with the membership it was issued under.
	FOREIGN KEY (user_id, organization_id) REFERENCES memberships (user_id, organization_id) ON DELETE CASCADE
);

CREATE INDEX api_tokens_membership_idx ON api_tokens (user_id, organization_id);

CREATE TABLE locations (
	id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	name       text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
	created_at timestamptz NOT NULL DEFAULT now()
);

-- Tokens probes use to fetch their endpoint lists; only the SHA-256 digest is stored.
CREATE TABLE probe_tokens (
	id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
	token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
	created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE endpoints (
	id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	organization_id    uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	name               text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
	url                text NOT NULL CHECK (url ~* '^https?://'),
	method             text NOT NULL CHECK (method IN ('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')),
	headers            jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(headers) = 'object'),
	body               text,
	expected_status    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(expected_status) = 'array'),
	assertions         jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(assertions) = 'array'),
	timeout_ms         integer NOT NULL CHECK (timeout_ms BETWEEN 1 AND 120000),
	follow_redirects   boolean NOT NULL,
	apdex_threshold_ms integer NOT NULL CHECK (apdex_threshold_ms BETWEEN 1 AND 120000),
	interval_seconds   integer NOT NULL CHECK (interval_seconds BETWEEN 10 AND 86400),
	enabled            boolean NOT NULL DEFAULT true,
	locations          text[] NOT NULL CHECK (cardinality(locations) > 0),
	tags               text[] NOT NULL DEFAULT '{}',
	created_at         timestamptz NOT NULL DEFAULT now(),
	updated_at         timestamptz NOT NULL DEFAULT now(),
	UNIQUE (organization_id, name)
);

-- The probe feed asks "enabled endpoints whose locations contain X": GIN answers the containment.
CREATE INDEX endpoints_locations_idx ON endpoints USING gin (locations) WHERE enabled;
