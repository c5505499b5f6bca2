-- What the relayer knows about every transfer, built from L1 logs, sidechain logs and the Kafka
-- certificate and partial topics (never from asking validators). Each watcher or consumer writes
-- its rows and its cursor or offset in one transaction, so a restart neither loses nor repeats.

-- One row per deposit (L1 -> sidechain) or withdrawal (sidechain -> L1), keyed by its nonce.
CREATE TABLE transfers (
    id              BIGSERIAL   PRIMARY KEY,
    kind            TEXT        NOT NULL CHECK (kind IN ('DEPOSIT', 'WITHDRAWAL')),
    nonce           NUMERIC(78) NOT NULL CHECK (nonce >= 0),
    l1_token        TEXT        NOT NULL,
    sender          TEXT,
    recipient       TEXT        NOT NULL,
    amount          NUMERIC(78) NOT NULL CHECK (amount >= 0),
    -- deposit: the L1 block that holds it; withdrawal: the sidechain block (the batch id)
    batch_id        BIGINT      CHECK (batch_id >= 0),
    -- withdrawal: its position in the block's withdrawal tree
    leaf_index      INTEGER     CHECK (leaf_index >= 0),
    -- deposit: the L1 deposit transaction; withdrawal: the sidechain burn transaction
    source_tx_hash  TEXT,
    -- deposit: the sidechain mint transaction; withdrawal: the L1 transaction that paid it
    target_tx_hash  TEXT,
    stage           TEXT        NOT NULL,
    stage_detail    TEXT,
    stage_until     TIMESTAMPTZ,
    -- when it reached its stage (block time of the event where there is one)
    stage_at        TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, nonce)
);
CREATE INDEX transfers_source_tx ON transfers (source_tx_hash);
CREATE INDEX transfers_target_tx ON transfers (target_tx_hash);
CREATE INDEX transfers_sender ON transfers (sender, id DESC);
CREATE INDEX transfers_recipient ON transfers (recipient, id DESC);
CREATE INDEX transfers_batch ON transfers (kind, batch_id, leaf_index);
CREATE INDEX transfers_open ON transfers (kind, stage, nonce)
    WHERE stage NOT IN ('MINTED', 'CLAIMED', 'REVOKED');

-- Every stage a transfer went through, with when (the chain's block time where there is one).
CREATE TABLE transfer_stages (
    id          BIGSERIAL   PRIMARY KEY,
    transfer_id BIGINT      NOT NULL REFERENCES transfers (id),
    stage       TEXT        NOT NULL,
    detail      TEXT,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX transfer_stages_transfer ON transfer_stages (transfer_id, id);

-- One signed batch per L1 block with deposits, or per sidechain block with withdrawals.
CREATE TABLE batches (
    kind            TEXT        NOT NULL CHECK (kind IN ('DEPOSIT', 'WITHDRAWAL')),
    batch_id        BIGINT      NOT NULL CHECK (batch_id >= 0),
    -- the root and size as the chain that holds the batch says (L1 logs / the sidechain block)
    root            TEXT,
    leaf_count      INTEGER     CHECK (leaf_count > 0),
    -- the certificate, once its BLS signature verified under the epoch's group key
    cert_epoch      BIGINT,
    cert_root       TEXT,
    cert_count      INTEGER,
    cert_signature  BYTEA,
    certified_at    TIMESTAMPTZ,
    -- valid partial signatures seen on Kafka for this batch, and the threshold they count to
    partials        INTEGER     NOT NULL DEFAULT 0,
    threshold       INTEGER,
    -- withdrawal roots on L1
    posted_root     TEXT,
    posted_tx_hash  TEXT,
    posted_at       TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ,
    -- why a certificate for this batch was refused, or why posting failed (for operators)
    problem         TEXT,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, batch_id)
);
CREATE INDEX batches_to_post ON batches (kind, batch_id)
    WHERE certified_at IS NOT NULL AND posted_tx_hash IS NULL;

-- Partial signatures read from Kafka: counted once their BLS signature verifies against the
-- member's share key over the digest the relayer computed itself.
CREATE TABLE partials_seen (
    kind         TEXT    NOT NULL,
    batch_id     BIGINT  NOT NULL,
    epoch        BIGINT  NOT NULL,
    member_index INTEGER NOT NULL,
    digest       TEXT    NOT NULL,
    signature    BYTEA   NOT NULL,
    verified     BOOLEAN NOT NULL,
    PRIMARY KEY (kind, batch_id, epoch, member_index, digest)
);

-- How far each chain has been read: the next block to scan.
CREATE TABLE chain_cursors (
    name        TEXT        PRIMARY KEY,
    next_block  BIGINT      NOT NULL CHECK (next_block >= 0),
    updated_at  TIMESTAMPTZ NOT NULL
);

-- The vault's pause flag as the L1 logs tell it, for the API.
CREATE TABLE vault_events (
    id          BIGSERIAL   PRIMARY KEY,
    name        TEXT        NOT NULL,
    detail      TEXT,
    block       BIGINT      NOT NULL,
    tx_hash     TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
