-- The whole check a failure report carries, so it can be forwarded to history.
ALTER TABLE failure_reports ADD COLUMN result jsonb;

-- Every endpoint failure-service has heard of. Its row is locked while the endpoint's
-- state changes, so two requests for one endpoint never open two incidents.
CREATE TABLE endpoints (
    endpoint_id     uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    name            text        NOT NULL,
    url             text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Per endpoint and location, the current run of failed or correct checks.
CREATE TABLE location_streaks (
    endpoint_id       uuid        NOT NULL REFERENCES endpoints ON DELETE CASCADE,
    location          text        NOT NULL,
    failures          integer     NOT NULL CHECK (failures >= 0),
    successes         integer     NOT NULL CHECK (successes >= 0),
    last_scheduled_at timestamptz NOT NULL,
    last_reason       text,
    PRIMARY KEY (endpoint_id, location)
);

CREATE INDEX location_streaks_failing ON location_streaks (last_scheduled_at) WHERE failures > 0;

CREATE TABLE incidents (
    id               uuid        PRIMARY KEY,
    endpoint_id      uuid        NOT NULL REFERENCES endpoints,
    organization_id  uuid        NOT NULL,
    endpoint_name    text        NOT NULL,
    url              text,
    kind             text        NOT NULL CHECK (kind IN ('DOWN', 'DEGRADED')),
    state            text        NOT NULL CHECK (state IN ('OPEN', 'RESOLVED')),
    flapping         boolean     NOT NULL DEFAULT false,
    reopenings       integer     NOT NULL DEFAULT 0 CHECK (reopenings >= 0),
    locations        text[]      NOT NULL,
    reason           text        NOT NULL,
    opened_at        timestamptz NOT NULL,
    resolved_at      timestamptz,
    -- A flapping incident whose endpoint answers correctly again resolves once it stayed so.
    recovered_at     timestamptz,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    last_reminded_at timestamptz,
    CONSTRAINT incidents_resolved_when_resolved CHECK ((state = 'RESOLVED') = (resolved_at IS NOT NULL))
);

-- The last line of defence against two open incidents of one kind for one endpoint.
CREATE UNIQUE INDEX incidents_one_open_per_endpoint ON incidents (endpoint_id, kind) WHERE state = 'OPEN';
CREATE INDEX incidents_organization ON incidents (organization_id, opened_at DESC);
CREATE INDEX incidents_endpoint ON incidents (endpoint_id, kind, resolved_at DESC);

-- What happened to each incident, oldest first.
CREATE TABLE incident_events (
    id          uuid        PRIMARY KEY,
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    incident_id uuid        NOT NULL REFERENCES incidents ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    type        text        NOT NULL,
    detail      text        NOT NULL
);

CREATE INDEX incident_events_incident ON incident_events (incident_id, seq);

-- Trend events seen, so a resent one changes nothing.
CREATE TABLE trend_events (
    event_id    uuid        PRIMARY KEY,
    endpoint_id uuid        NOT NULL,
    kind        text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);

-- The outbox now holds one row per state change and channel target; the walking
-- skeleton's rows (one per failure report) have no state change to belong to.
DROP TABLE notifications;

CREATE TABLE notifications (
    id              uuid        PRIMARY KEY,
    event_id        uuid        NOT NULL REFERENCES incident_events ON DELETE CASCADE,
    incident_id     uuid        NOT NULL REFERENCES incidents ON DELETE CASCADE,
    organization_id uuid        NOT NULL,
    channel         text        NOT NULL,
    recipient       text        NOT NULL,
    message         jsonb       NOT NULL,
    state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'HELD', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    -- Set when the notification went out inside a digest: the digest's first row.
    digest_id       uuid,
    CONSTRAINT notifications_once_per_change UNIQUE (event_id, channel, recipient)
);

CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE state IN ('PENDING', 'HELD');
CREATE INDEX notifications_recent ON notifications (organization_id, channel, recipient, created_at);
