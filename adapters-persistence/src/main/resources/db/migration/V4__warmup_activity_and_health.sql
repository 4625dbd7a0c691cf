-- The warmup engine's bookkeeping: each warmup message once, the daily counters that stats and
-- health read, and each mailbox's last health. Mails sent today are now counted in warmup_daily,
-- so the mailbox row no longer keeps its own count.
--
-- The conventions of V1 hold: one text for MySQL 8, MariaDB 10.11 and H2 in MySQL mode, instants as
-- BIGINT epoch milliseconds, days as DATE (UTC calendar days), utf8mb4_bin, keys that lead with
-- workspace_id, no foreign keys.

ALTER TABLE mailboxes DROP COLUMN warmup_sent_today;
ALTER TABLE mailboxes DROP COLUMN warmup_sent_on;

-- One row per warmup message of a mailbox, made by its first report of any kind, so a repeated
-- report changes nothing. placed_on is the day of the first placement, on which later moves of the
-- message are counted too; it is NULL until the message is placed.
CREATE TABLE warmup_messages (
    workspace_id    VARCHAR(29)  NOT NULL,
    mode            VARCHAR(8)   NOT NULL,
    mailbox_id      VARCHAR(30)  NOT NULL,
    message_id      VARCHAR(128) NOT NULL,
    sent            BOOLEAN      NOT NULL,
    placement       VARCHAR(16)  NULL,
    placed_on       DATE         NULL,
    replied         BOOLEAN      NOT NULL,
    PRIMARY KEY (workspace_id, mode, mailbox_id, message_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A mailbox's warmup counters per UTC day, named counted_on as in send_counters (DAY is a keyword
-- in H2); missing_count counts the mails found in no folder. A day without a row counted nothing.
CREATE TABLE warmup_daily (
    workspace_id    VARCHAR(29)  NOT NULL,
    mode            VARCHAR(8)   NOT NULL,
    mailbox_id      VARCHAR(30)  NOT NULL,
    counted_on      DATE         NOT NULL,
    sent            BIGINT       NOT NULL,
    inbox           BIGINT       NOT NULL,
    spam            BIGINT       NOT NULL,
    promotions      BIGINT       NOT NULL,
    missing_count   BIGINT       NOT NULL,
    saved_from_spam BIGINT       NOT NULL,
    replies         BIGINT       NOT NULL,
    bounces         BIGINT       NOT NULL,
    complaints      BIGINT       NOT NULL,
    PRIMARY KEY (workspace_id, mode, mailbox_id, counted_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A mailbox's health as last reviewed. milestones holds the names of the milestones reached,
-- comma-separated ('' for none). A row whose computed_at_ms is NULL holds no record yet: a reviewer
-- made it only to have a row to lock while it reviews the mailbox for the first time.
CREATE TABLE mailbox_health (
    workspace_id    VARCHAR(29)  NOT NULL,
    mode            VARCHAR(8)   NOT NULL,
    mailbox_id      VARCHAR(30)  NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    score           INT          NULL,
    computed_at_ms  BIGINT       NULL,
    spf             VARCHAR(8)   NOT NULL,
    dkim            VARCHAR(8)   NOT NULL,
    dmarc           VARCHAR(8)   NOT NULL,
    milestones      VARCHAR(512) NOT NULL,
    PRIMARY KEY (workspace_id, mode, mailbox_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
