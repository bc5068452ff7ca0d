-- A TLS check's certificate is warned about ahead of its expiry, once per threshold: the warning
-- incident and, per endpoint, the most urgent threshold already told for the certificate it saw.
ALTER TABLE incidents DROP CONSTRAINT incidents_kind_check,
	ADD CONSTRAINT incidents_kind_check CHECK (kind IN ('DOWN', 'DEGRADED', 'CERTIFICATE_EXPIRING'));

CREATE TABLE certificate_warnings (
    endpoint_id    uuid        PRIMARY KEY REFERENCES endpoints,
    expires_at     timestamptz NOT NULL,
    threshold_days integer     NOT NULL CHECK (threshold_days BETWEEN 1 AND 365),
    warned_at      timestamptz NOT NULL
);
