-- Reconciliation and the watchtower: the vault's events on L1 and the bridge's events on the
-- operator's own sidechain replica, scanned into these tables, then compared.
CREATE TABLE chain_cursors (
    chain      TEXT   PRIMARY KEY CHECK (chain IN ('l1', 'sidechain')),
    next_block BIGINT NOT NULL CHECK (next_block >= 0)
);

CREATE TABLE l1_deposits (
    nonce     NUMERIC(78, 0) PRIMARY KEY,
    token     TEXT           NOT NULL,
    sender    TEXT           NOT NULL,
    recipient TEXT           NOT NULL,
    amount    NUMERIC(78, 0) NOT NULL,
    block     BIGINT         NOT NULL
);

-- WithdrawalPaid ('paid') and PayoutDeferred ('deferred'): the nonce is claimed either way.
CREATE TABLE l1_payouts (
    nonce     NUMERIC(78, 0) PRIMARY KEY,
    token     TEXT           NOT NULL,
    recipient TEXT           NOT NULL,
    amount    NUMERIC(78, 0) NOT NULL,
    kind      TEXT           NOT NULL CHECK (kind IN ('paid', 'deferred')),
    block     BIGINT         NOT NULL
);

CREATE TABLE l1_owed_withdrawn (
    tx_log    TEXT           PRIMARY KEY,          -- transaction hash : log index
    recipient TEXT           NOT NULL,
    token     TEXT           NOT NULL,
    amount    NUMERIC(78, 0) NOT NULL,
    block     BIGINT         NOT NULL
);

CREATE TABLE l1_roots (
    root         TEXT        PRIMARY KEY,           -- 0x bytes32
    batch_id     BIGINT      NOT NULL,              -- the sidechain block
    count        BIGINT      NOT NULL,
    epoch        BIGINT      NOT NULL,
    block        BIGINT      NOT NULL,
    claimable_at BIGINT      NOT NULL,              -- L1 seconds; the challenge window ends then
    status       TEXT        NOT NULL CHECK (status IN ('PENDING', 'MATCHED', 'MISMATCHED',
                                 'REVOKED', 'UNVERIFIABLE')),
    detail       TEXT        NOT NULL DEFAULT '',
    checked_at   TIMESTAMPTZ,
    revoke_tx    TEXT
);
CREATE INDEX l1_roots_status ON l1_roots (status);

CREATE TABLE sc_mints (
    nonce     NUMERIC(78, 0) PRIMARY KEY,
    token     TEXT           NOT NULL,
    recipient TEXT           NOT NULL,
    amount    NUMERIC(78, 0) NOT NULL,
    block     BIGINT         NOT NULL
);

CREATE TABLE sc_burns (
    nonce        NUMERIC(78, 0) PRIMARY KEY,
    token        TEXT           NOT NULL,
    sender       TEXT           NOT NULL,
    l1_recipient TEXT           NOT NULL,
    amount       NUMERIC(78, 0) NOT NULL,
    block        BIGINT         NOT NULL
);

-- What reconciliation found wrong; one open row per problem, raised once (metric, audit alert).
-- A balance shortfall that the next round no longer sees is resolved; if it comes back, it is
-- raised again.
CREATE TABLE mismatches (
    id          BIGSERIAL   PRIMARY KEY,
    kind        TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    detected_at TIMESTAMPTZ NOT NULL,
    resolved_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX mismatches_open ON mismatches (kind, subject) WHERE resolved_at IS NULL;
