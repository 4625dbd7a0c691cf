-- Webhook endpoints get their signing secrets (with the previous one while a rotation overlaps),
-- their failure streak and when they last changed; every attempt of a delivery is logged; the
-- dispatchers' claims get the indexes they need.
--
-- The conventions of V1 hold: one text for MySQL 8, MariaDB 10.11 and H2 in MySQL mode, instants as
-- BIGINT epoch milliseconds, utf8mb4_bin, keys that lead with workspace_id (the exceptions are
-- explained where they are made), no foreign keys.

-- secret stays nullable here: endpoints stored before V3 get a random secret of their own from
-- migration 3.1, which then makes the column NOT NULL. No SQL function makes secure random bytes
-- on all three databases, and a default shared by every such endpoint would let anyone who read
-- this file sign for them.
ALTER TABLE webhook_endpoints ADD COLUMN secret VARCHAR(128) NULL;
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret VARCHAR(128) NULL;
ALTER TABLE webhook_endpoints ADD COLUMN previous_secret_expires_at_ms BIGINT NULL;
ALTER TABLE webhook_endpoints ADD COLUMN failing_since_ms BIGINT NULL;
-- Endpoints from before V3 have not changed since they were created, as far as anyone can tell.
ALTER TABLE webhook_endpoints ADD COLUMN updated_at_ms BIGINT NULL;
UPDATE webhook_endpoints SET updated_at_ms = created_at_ms;
ALTER TABLE webhook_endpoints MODIFY updated_at_ms BIGINT NOT NULL;

-- One row per attempt of a delivery, numbered from 1 as the delivery counts its attempts.
-- response_snippet is the first KiB of the receiver's answer, '' when there was none.
CREATE TABLE delivery_attempts (
    workspace_id        VARCHAR(29)  NOT NULL,
    mode                VARCHAR(8)   NOT NULL,
    delivery_id         VARCHAR(30)  NOT NULL,
    attempt_no          INT          NOT NULL,
    at_ms               BIGINT       NOT NULL,
    status_code         INT          NULL,
    latency_ms          BIGINT       NOT NULL,
    response_snippet    TEXT         NOT NULL,
    error               TEXT         NULL,
    PRIMARY KEY (workspace_id, mode, delivery_id, attempt_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A claim takes the oldest due rows in (next_attempt_at_ms, id) order. With id in the index,
-- MySQL and MariaDB read due rows in that order and stop at the claim's limit; without it they
-- sort every due row first, locking them all until the claim commits, so that a racing
-- dispatcher skips them all and finds nothing to do. (H2 always sorts the rows of a locking query
-- itself, after locking them: there claims take turns, which one embedded node can afford.)
DROP INDEX ix_deliveries_due ON deliveries;
CREATE INDEX ix_deliveries_due ON deliveries (status, next_attempt_at_ms, id);
-- A dispatcher takes and gives back its claims by delivery id alone, before it knows their
-- tenants (ids are unique across tenants). Like the claim's index, this one cannot lead with
-- workspace_id; under sharding each shard's dispatcher works on its own shard's rows.
CREATE INDEX ix_deliveries_id ON deliveries (id);
