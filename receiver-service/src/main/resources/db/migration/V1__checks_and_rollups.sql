-- receiver-service's metric store in PostgreSQL: raw checks and hourly/daily rollups.
-- A check's identity is endpoint, location and scheduled time, so a replay overwrites it.
CREATE TABLE checks (
    endpoint_id         uuid             NOT NULL,
    location            text             NOT NULL,
    scheduled_at        timestamptz      NOT NULL,
    organization_id     uuid             NOT NULL,
    started_at          timestamptz      NOT NULL,
    dns_ms              double precision,
    connect_ms          double precision,
    tls_ms              double precision,
    ttfb_ms             double precision,
    total_ms            double precision NOT NULL,
    status              integer,
    bytes               bigint           NOT NULL,
    tls_cert_expires_at timestamptz,
    outcome             text             NOT NULL,
    apdex               text             NOT NULL,
    apdex_t_ms          integer          NOT NULL,
    up                  boolean          NOT NULL,
    PRIMARY KEY (endpoint_id, location, scheduled_at)
);

-- The latest check of an endpoint from any location (summaries).
CREATE INDEX checks_endpoint_latest ON checks (endpoint_id, scheduled_at DESC);
-- Retention deletes by age; rows arrive roughly in time order, so a BRIN index is enough.
CREATE INDEX checks_scheduled_at ON checks USING brin (scheduled_at);

CREATE TABLE rollups_hourly (
    endpoint_id  uuid             NOT NULL,
    location     text             NOT NULL,
    bucket_start timestamptz      NOT NULL,
    checks       bigint           NOT NULL,
    up           bigint           NOT NULL,
    satisfied    bigint           NOT NULL,
    tolerating   bigint           NOT NULL,
    frustrated   bigint           NOT NULL,
    total_sum    double precision NOT NULL,
    dns_sum      double precision NOT NULL,
    dns_n        bigint           NOT NULL,
    connect_sum  double precision NOT NULL,
    connect_n    bigint           NOT NULL,
    tls_sum      double precision NOT NULL,
    tls_n        bigint           NOT NULL,
    ttfb_sum     double precision NOT NULL,
    ttfb_n       bigint           NOT NULL,
    apdex_t_ms   integer          NOT NULL,
    last_at      timestamptz      NOT NULL,
    histogram    bytea            NOT NULL,
    PRIMARY KEY (endpoint_id, location, bucket_start)
);
CREATE INDEX rollups_hourly_bucket_start ON rollups_hourly USING brin (bucket_start);

CREATE TABLE rollups_daily (LIKE rollups_hourly INCLUDING ALL);
