-- Watchers and batches (owner: watch/batch/signing; versions 3.x).
--
-- A watcher stores what it read from a block and moves its cursor in one transaction, so that a
-- restart resumes exactly after the last block whose items are stored: nothing lost, nothing
-- twice. The cursor keeps the block hash so the next block's parent hash can be checked against it.
CREATE TABLE chain_cursors (
    chain        TEXT        PRIMARY KEY CHECK (chain IN ('l1', 'sidechain')),
    block_number BIGINT      NOT NULL CHECK (block_number >= 0),
    block_hash   BYTEA       NOT NULL CHECK (octet_length(block_hash) = 32),
    updated_at   TIMESTAMPTZ NOT NULL
);

-- One batch per safe L1 block holding deposits, one per sidechain block holding withdrawals.
-- item_root/item_count are the commitment computed when the block was read; the signing pipeline
-- checks the stored items against it before it signs (own-observation check).
CREATE TABLE observed_batches (
    message_type TEXT        NOT NULL CHECK (message_type IN ('DEPOSIT_BATCH', 'WITHDRAWAL_BATCH')),
    batch_id     BIGINT      NOT NULL CHECK (batch_id >= 0),
    block_hash   BYTEA       NOT NULL CHECK (octet_length(block_hash) = 32),
    item_root    BYTEA       NOT NULL CHECK (octet_length(item_root) = 32),
    item_count   INTEGER     NOT NULL CHECK (item_count >= 1),
    safe_at      TIMESTAMPTZ NOT NULL,
    -- PENDING: not yet through the pipeline; HELD: waiting (limits, accountant, no share) and
    -- retried; SIGNED: this member's partial was handed to the publisher.
    status       TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'HELD', 'SIGNED')),
    hold_stage   TEXT,
    hold_reason  TEXT,
    hold_token   BYTEA       CHECK (hold_token IS NULL OR octet_length(hold_token) = 20),
    retry_at     TIMESTAMPTZ,
    signed_epoch BIGINT,
    signed_at    TIMESTAMPTZ,
    PRIMARY KEY (message_type, batch_id),
    CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL))
);
CREATE INDEX observed_batches_open ON observed_batches (message_type, batch_id) WHERE status <> 'SIGNED';
CREATE INDEX observed_batches_signed_at ON observed_batches (signed_at) WHERE status = 'SIGNED';

-- Deposits read from safe L1 blocks; position = order in the block's logs. Nonces are the
-- vault's (sequential from 1).
CREATE TABLE deposits (
    nonce        NUMERIC(78, 0) PRIMARY KEY CHECK (nonce >= 1),
    block_number BIGINT         NOT NULL,
    position     INTEGER        NOT NULL CHECK (position >= 0),
    token        BYTEA          NOT NULL CHECK (octet_length(token) = 20),
    sender       BYTEA          NOT NULL CHECK (octet_length(sender) = 20),
    recipient    BYTEA          NOT NULL CHECK (octet_length(recipient) = 20),
    amount       NUMERIC(78, 0) NOT NULL CHECK (amount > 0),
    UNIQUE (block_number, position)
);
CREATE INDEX deposits_token ON deposits (token);

-- Withdrawals read from this operator's sidechain replica, in block order.
CREATE TABLE withdrawals (
    nonce        NUMERIC(78, 0) PRIMARY KEY CHECK (nonce >= 0),
    block_number BIGINT         NOT NULL,
    position     INTEGER        NOT NULL CHECK (position >= 0),
    l1_token     BYTEA          NOT NULL CHECK (octet_length(l1_token) = 20),
    sender       BYTEA          NOT NULL CHECK (octet_length(sender) = 20),
    l1_recipient BYTEA          NOT NULL CHECK (octet_length(l1_recipient) = 20),
    amount       NUMERIC(78, 0) NOT NULL CHECK (amount > 0),
    UNIQUE (block_number, position)
);
CREATE INDEX withdrawals_token ON withdrawals (l1_token);
