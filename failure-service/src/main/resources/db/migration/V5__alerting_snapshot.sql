-- The last alerting snapshot admin-app sent (channel secrets included), so a restarted
-- failure-service decides and delivers with it before admin-app answers again.
CREATE TABLE alerting_snapshot (
    id           boolean     PRIMARY KEY DEFAULT true CHECK (id),
    snapshot     jsonb       NOT NULL,
    generated_at timestamptz NOT NULL,
    stored_at    timestamptz NOT NULL DEFAULT now()
);
