-- What a degraded incident opened with: Apdex and p95 before and after, since when, where.
ALTER TABLE incidents ADD COLUMN degradation jsonb;
