-- Open incidents whose trouble notification a maintenance window held back: it is owed
-- once the window ends, and their recovery is not announced while it is.
CREATE TABLE unannounced_incidents (
    incident_id uuid        PRIMARY KEY REFERENCES incidents ON DELETE CASCADE,
    change      text        NOT NULL,
    held_at     timestamptz NOT NULL
);
