-- When a mailbox's connection began; the event log; webhook endpoints and the outbox of their
-- deliveries; suppression lists; daily send counters and sending settings.
--
-- The conventions of V1 hold: one text for MySQL 8, MariaDB 10.11 and H2 in MySQL mode, instants as
-- BIGINT epoch milliseconds, days as DATE, utf8mb4_bin, keys that lead with workspace_id (the one
-- exception is explained where it is made), no foreign keys.

-- A connection is told from the next by when it began. Rows from before V2 are on their first
-- connection, which began when the mailbox was created.
ALTER TABLE mailboxes ADD COLUMN connected_at_ms BIGINT NULL;
UPDATE mailboxes SET connected_at_ms = created_at_ms;
ALTER TABLE mailboxes MODIFY connected_at_ms BIGINT NOT NULL;

-- Every event once, in the webhook envelope's terms. data is the payload as JSON text, in the
-- order of the contract's fields (no JSON column type: MySQL's reorders keys).
-- dedup_hash is the SHA-256 of dedup_key; the key itself is kept for people reading the table.
-- Drafts without a dedup key (webhook.test) have a NULL hash, and NULLs never collide in a unique
-- key, so each of them is stored.
CREATE TABLE events (
    workspace_id    VARCHAR(29)  NOT NULL,
    mode            VARCHAR(8)   NOT NULL,
    id              CHAR(36)     NOT NULL,
    type            VARCHAR(32)  NOT NULL,
    data            LONGTEXT     NOT NULL,
    timestamp_ms    BIGINT       NOT NULL,
    dedup_hash      CHAR(64)     NULL,
    dedup_key       TEXT         NULL,
    -- Ids are version-7 UUIDs, time-ordered as text: this key serves lists newest first.
    PRIMARY KEY (workspace_id, mode, id),
    CONSTRAINT uq_events_dedup UNIQUE (workspace_id, mode, dedup_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Lists of one type, newest first. A time range walks the primary key, whose order is time order.
CREATE INDEX ix_events_type ON events (workspace_id, mode, type, id);

-- Where a tenant's events go. event_types is '*' (every type, also those added later) or the wire
-- names of the subscribed types, comma-separated.
CREATE TABLE webhook_endpoints (
    workspace_id    VARCHAR(29)   NOT NULL,
    mode            VARCHAR(8)    NOT NULL,
    id              VARCHAR(29)   NOT NULL,
    url             VARCHAR(2048) NOT NULL,
    event_types     VARCHAR(1000) NOT NULL,
    description     TEXT          NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    disabled_reason VARCHAR(500)  NULL,
    created_at_ms   BIGINT        NOT NULL,
    PRIMARY KEY (workspace_id, mode, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The outbox: one row per event per endpoint, written in the transaction that stored the event.
-- The lease and last-attempt columns belong to the dispatcher that works the rows off.
CREATE TABLE deliveries (
    workspace_id        VARCHAR(29)  NOT NULL,
    mode                VARCHAR(8)   NOT NULL,
    id                  VARCHAR(30)  NOT NULL,
    endpoint_id         VARCHAR(29)  NOT NULL,
    event_id            CHAR(36)     NOT NULL,
    event_type          VARCHAR(32)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INT          NOT NULL,
    next_attempt_at_ms  BIGINT       NULL,
    created_at_ms       BIGINT       NOT NULL,
    lease_owner         VARCHAR(100) NULL,
    lease_until_ms      BIGINT       NULL,
    last_status_code    INT          NULL,
    last_error          TEXT         NULL,
    PRIMARY KEY (workspace_id, mode, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX ix_deliveries_event ON deliveries (workspace_id, mode, event_id);
-- An endpoint's delivery log, newest first.
CREATE INDEX ix_deliveries_endpoint ON deliveries (workspace_id, mode, endpoint_id, id);
-- Due work, claimed by the dispatcher across all tenants at once: this index cannot lead with
-- workspace_id. Under sharding each shard's dispatcher claims from its own shard with it.
CREATE INDEX ix_deliveries_due ON deliveries (status, next_attempt_at_ms);

-- A tenant's suppression list: one row per normalised address, the first reason kept.
CREATE TABLE suppressions (
    workspace_id    VARCHAR(29)  NOT NULL,
    mode            VARCHAR(8)   NOT NULL,
    email           VARCHAR(254) NOT NULL,
    reason          VARCHAR(16)  NOT NULL,
    prospect_id     VARCHAR(128) NULL,
    created_at_ms   BIGINT       NOT NULL,
    PRIMARY KEY (workspace_id, mode, email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Sends counted per limit type, identifier (a mailbox id or a sending domain) and UTC day.
CREATE TABLE send_counters (
    workspace_id    VARCHAR(29)  NOT NULL,
    mode            VARCHAR(8)   NOT NULL,
    limit_type      VARCHAR(16)  NOT NULL,
    identifier      VARCHAR(255) NOT NULL,
    counted_on      DATE         NOT NULL,
    sends           BIGINT       NOT NULL,
    PRIMARY KEY (workspace_id, mode, limit_type, identifier, counted_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A tenant's sending limits; no row means the defaults.
CREATE TABLE sending_settings (
    workspace_id        VARCHAR(29) NOT NULL,
    mode                VARCHAR(8)  NOT NULL,
    domain_daily_limit  INT         NOT NULL,
    PRIMARY KEY (workspace_id, mode)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
