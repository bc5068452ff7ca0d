-- Sign-ups waiting for their confirmation link, invitations, and what the endpoint list searches by.

-- Nothing exists for an email until the link mailed to it is followed; only the link's digest is kept.
CREATE TABLE signups (
	id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	token_sha256      text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
	email             text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
	password_hash     text NOT NULL,
	organization_name text NOT NULL CHECK (length(btrim(organization_name)) BETWEEN 1 AND 200),
	created_at        timestamptz NOT NULL DEFAULT now(),
	expires_at        timestamptz NOT NULL
);

CREATE INDEX signups_email_idx ON signups (email);

CREATE TABLE invitations (
	id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
	email           text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
	role            text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'VIEWER')),
	token_sha256    text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
	invited_by      uuid REFERENCES users (id) ON DELETE SET NULL,
	created_at      timestamptz NOT NULL DEFAULT now(),
	expires_at      timestamptz NOT NULL,
	-- Set once: a link works a single time.
	accepted_at     timestamptz,
	accepted_by     uuid REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX invitations_organization_idx ON invitations (organization_id, created_at DESC);

-- The endpoint list filters by tag within an organization.
CREATE INDEX endpoints_tags_idx ON endpoints USING gin (tags);
