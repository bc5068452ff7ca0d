-- Accepted failure reports still to be forwarded to receiver-service's history; a row
-- goes once receiver-service accepted it, so none is lost while it is away.
CREATE TABLE history_forwards (
    failure_report_id uuid        PRIMARY KEY REFERENCES failure_reports ON DELETE CASCADE,
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error        text,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX history_forwards_due ON history_forwards (next_attempt_at);
