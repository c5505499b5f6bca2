-- Every L1 transaction the relayer intends to send is written here, signed, before it is sent;
-- its nonce comes from gas_accounts in the same transaction. After a crash the relayer finds
-- each intent with all the signed versions it made (replacements share the nonce) and learns
-- from the chain which one, if any, was mined: nothing is sent twice under two nonces.

CREATE TABLE gas_accounts (
    address     TEXT    PRIMARY KEY,
    next_nonce  BIGINT  NOT NULL CHECK (next_nonce >= 0)
);

CREATE TABLE outbox (
    id                   BIGSERIAL   PRIMARY KEY,
    kind                 TEXT        NOT NULL CHECK (kind IN ('POST_ROOT', 'CLAIM')),
    -- POST_ROOT: the sidechain block whose root it posts
    batch_id             BIGINT,
    from_address         TEXT        NOT NULL,
    nonce                BIGINT      NOT NULL CHECK (nonce >= 0),
    to_address           TEXT        NOT NULL,
    calldata             BYTEA       NOT NULL,
    gas_limit            BIGINT      NOT NULL CHECK (gas_limit > 0),
    status               TEXT        NOT NULL
        CHECK (status IN ('PENDING', 'MINED', 'REVERTED', 'NONCE_TAKEN')),
    mined_tx_hash        TEXT,
    mined_block          BIGINT,
    gas_used             BIGINT,
    effective_gas_price  NUMERIC(78),
    error                TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    UNIQUE (from_address, nonce)
);
CREATE INDEX outbox_pending ON outbox (status, nonce) WHERE status = 'PENDING';

-- Each signed version of an intent: the first and its fee-bumped replacements.
CREATE TABLE outbox_attempts (
    id               BIGSERIAL   PRIMARY KEY,
    outbox_id        BIGINT      NOT NULL REFERENCES outbox (id),
    tx_hash          TEXT        NOT NULL UNIQUE,
    raw              BYTEA       NOT NULL,
    max_fee          NUMERIC(78) NOT NULL,
    priority_fee     NUMERIC(78) NOT NULL,
    next_base_fee    NUMERIC(78) NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    broadcast_at     TIMESTAMPTZ
);
CREATE INDEX outbox_attempts_outbox ON outbox_attempts (outbox_id, id);

-- The withdrawals a CLAIM intent pays.
CREATE TABLE outbox_claims (
    outbox_id         BIGINT      NOT NULL REFERENCES outbox (id),
    withdrawal_nonce  NUMERIC(78) NOT NULL,
    PRIMARY KEY (outbox_id, withdrawal_nonce)
);
CREATE INDEX outbox_claims_nonce ON outbox_claims (withdrawal_nonce);
