-- Secrets of the installation, not of a tenant (so not led by a workspace id): the key that signs
-- tracking links when none is configured, shared by every node.
CREATE TABLE server_secrets (
    name VARCHAR(64) NOT NULL,
    secret VARCHAR(255) NOT NULL,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
