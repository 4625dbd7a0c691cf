-- A spam complaint counts once per warmup message, however often it is reported.
ALTER TABLE warmup_messages ADD COLUMN complained BOOLEAN NOT NULL DEFAULT FALSE;
-- Band changes of a mailbox are numbered; the number is the dedup key of warmup.health_changed.
ALTER TABLE mailbox_health ADD COLUMN band_changes BIGINT NOT NULL DEFAULT 0;
