-- What the recent-checks page shows of each check: why it failed, in which phase, over which protocol.
-- Checks written before this have none; their reason is read as their outcome.
ALTER TABLE checks ADD COLUMN outcome_phase text;
ALTER TABLE checks ADD COLUMN outcome_reason text;
ALTER TABLE checks ADD COLUMN protocol text;
