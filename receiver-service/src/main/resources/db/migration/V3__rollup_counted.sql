-- What each rollup bucket already counted, so writes add to it exactly without reading raw checks
-- back: an hourly bucket's check slots, a daily bucket's fingerprint per hour (see Counted). NULL
-- for buckets written before, or imported: the next write to one recomputes it.
ALTER TABLE rollups_hourly ADD COLUMN counted bytea;
ALTER TABLE rollups_daily ADD COLUMN counted bytea;
