-- Workspaces, their API keys, and mailboxes.
--
-- One text for MySQL 8, MariaDB 10.11 and H2 in MySQL mode (MODE=MySQL;DATABASE_TO_LOWER=TRUE):
-- H2 accepts and ignores the InnoDB/utf8mb4 table options. utf8mb4_bin makes text compare by bytes
-- on MySQL as it does on H2, so a name or an address matches on both databases alike.
--
-- Instants are BIGINT epoch milliseconds (no driver or server time zone can shift them); warmup
-- days (active_since, paused_on, sent_on) are DATE, UTC calendar days as the domain counts them.
--
-- Keys lead with workspace_id so the tables can be sharded by workspace. The exceptions are the
-- lookups made before a workspace is known: a workspace by its name (operators), an API key by the
-- hash of its secret or by its id (authentication); under sharding they become lookup tables.
-- No foreign keys, for the same reason: rows of one workspace refer only to that workspace.

CREATE TABLE workspaces (
    id              VARCHAR(29)  NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    created_at_ms   BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_workspaces_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE api_keys (
    workspace_id    VARCHAR(29)  NOT NULL,
    id              VARCHAR(30)  NOT NULL,
    mode            VARCHAR(8)   NOT NULL,
    name            VARCHAR(100) NOT NULL,
    prefix          VARCHAR(16)  NOT NULL,
    key_hash        VARCHAR(64)  NOT NULL,
    admin           BOOLEAN      NOT NULL,
    created_at_ms   BIGINT       NOT NULL,
    last_used_at_ms BIGINT       NULL,
    revoked_at_ms   BIGINT       NULL,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash),
    CONSTRAINT uq_api_keys_id UNIQUE (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE mailboxes (
    workspace_id            VARCHAR(29)  NOT NULL,
    mode                    VARCHAR(8)   NOT NULL,
    id                      VARCHAR(30)  NOT NULL,
    email                   VARCHAR(254) NOT NULL,
    provider                VARCHAR(16)  NOT NULL,
    display_name            VARCHAR(200) NOT NULL,
    daily_limit             INT          NOT NULL,
    status                  VARCHAR(16)  NOT NULL,
    disconnect_reason       VARCHAR(500) NULL,
    warmup_status           VARCHAR(16)  NOT NULL,
    warmup_daily_target     INT          NOT NULL,
    warmup_start_volume     INT          NOT NULL,
    warmup_ramp_up_per_day  INT          NOT NULL,
    warmup_reply_rate       INT          NOT NULL,
    warmup_weekdays_only    BOOLEAN      NOT NULL,
    warmup_days_before      INT          NOT NULL,
    warmup_active_since     DATE         NULL,
    warmup_paused_on        DATE         NULL,
    warmup_sent_today       INT          NOT NULL,
    warmup_sent_on          DATE         NULL,
    created_at_ms           BIGINT       NOT NULL,
    updated_at_ms           BIGINT       NOT NULL,
    version                 BIGINT       NOT NULL,
    -- Lists are newest first within a tenant: ids are time-ordered, so this key serves them.
    PRIMARY KEY (workspace_id, mode, id),
    CONSTRAINT uq_mailboxes_email UNIQUE (workspace_id, mode, email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
