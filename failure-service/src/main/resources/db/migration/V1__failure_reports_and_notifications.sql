-- Every failed check a probe reported; a report sent twice (retried batch) is stored once.
CREATE TABLE failure_reports (
    id              uuid        PRIMARY KEY,
    batch_id        uuid        NOT NULL,
    probe           text        NOT NULL,
    endpoint_id     uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    endpoint_name   text        NOT NULL,
    url             text        NOT NULL,
    location        text        NOT NULL,
    scheduled_at    timestamptz NOT NULL,
    started_at      timestamptz NOT NULL,
    outcome         text        NOT NULL,
    phase           text,
    reason          text        NOT NULL,
    status          integer,
    received_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT failure_reports_identity UNIQUE (endpoint_id, location, scheduled_at)
);

CREATE INDEX failure_reports_endpoint_time ON failure_reports (endpoint_id, scheduled_at DESC);

-- The transactional outbox: rows are written with the report, and a dispatcher delivers them.
CREATE TABLE notifications (
    id                uuid        PRIMARY KEY,
    failure_report_id uuid        NOT NULL REFERENCES failure_reports (id) ON DELETE CASCADE,
    channel           text        NOT NULL,
    recipient         text        NOT NULL,
    state             text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error        text,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    created_at        timestamptz NOT NULL DEFAULT now(),
    sent_at           timestamptz
);

CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX notifications_failure_report ON notifications (failure_report_id);
