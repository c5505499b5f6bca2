-- Who may use the console. A principal has roles and any number of API tokens; a token is stored
-- only as the SHA-256 of its text (tokens are 256-bit random, so a fast hash is enough), shown
-- once when issued and never again.
CREATE TABLE principals (
    id          BIGSERIAL   PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
    roles       TEXT        NOT NULL CHECK (roles ~ '^(VIEWER|OPERATOR|PAUSER|ADMIN)(,(VIEWER|OPERATOR|PAUSER|ADMIN))*$'),
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    disabled_at TIMESTAMPTZ,
    disabled_by TEXT
);

CREATE TABLE api_tokens (
    id           BIGSERIAL   PRIMARY KEY,
    principal_id BIGINT      NOT NULL REFERENCES principals (id),
    token_hash   BYTEA       NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    label        TEXT        NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ,
    revoked_by   TEXT
);

CREATE INDEX api_tokens_principal ON api_tokens (principal_id);
