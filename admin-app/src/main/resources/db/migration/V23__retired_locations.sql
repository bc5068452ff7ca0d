-- A retired location is kept (its name stays in history and cannot be taken again) but no
-- endpoint may choose it any more.
ALTER TABLE locations ADD COLUMN retired_at timestamptz;
