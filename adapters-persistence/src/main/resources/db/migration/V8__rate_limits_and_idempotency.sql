-- Each API key's own rate limit (requests in any hour); existing keys keep the default.
ALTER TABLE api_keys ADD COLUMN rate_limit_per_hour INT NOT NULL DEFAULT 1000;

-- The quota of each key handed to server nodes in the last hour, a block at a time. Leases of one
-- key are serialised on the key's row in api_keys; rows older than an hour are deleted as leases go.
CREATE TABLE rate_limit_grants (
    workspace_id  VARCHAR(29) NOT NULL,
    api_key_id    VARCHAR(30) NOT NULL,
    granted_at_ms BIGINT      NOT NULL,
    granted       INT         NOT NULL,
    PRIMARY KEY (workspace_id, api_key_id, granted_at_ms)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Responses remembered for Idempotency-Key, per workspace and mode, for 24 hours. A row without
-- a status is a claim: the request that took the key (claim_token) is still running.
CREATE TABLE idempotency_records (
    workspace_id   VARCHAR(29)  NOT NULL,
    mode           VARCHAR(8)   NOT NULL,
    key_hash       VARCHAR(64)    NOT NULL,
    claim_token    VARCHAR(32)    NOT NULL,
    fingerprint    VARCHAR(64)    NOT NULL,
    started_at_ms  BIGINT       NOT NULL,
    status         INT          NULL,
    content_type   VARCHAR(100) NULL,
    location       VARCHAR(500) NULL,
    request_id     VARCHAR(128) NULL,
    body           MEDIUMTEXT   NULL,
    PRIMARY KEY (workspace_id, mode, key_hash),
    KEY ix_idempotency_records_started (started_at_ms)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
