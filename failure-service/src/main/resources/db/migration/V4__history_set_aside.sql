-- Failed checks receiver-service refused (a 4xx other than 408 and 429) are set aside with
-- the answer, not retried: sending the same batch again cannot change the answer.
ALTER TABLE history_forwards ADD COLUMN set_aside_at timestamptz;
ALTER TABLE history_forwards ADD COLUMN last_status integer;

DROP INDEX history_forwards_due;
CREATE INDEX history_forwards_due ON history_forwards (next_attempt_at) WHERE set_aside_at IS NULL;
