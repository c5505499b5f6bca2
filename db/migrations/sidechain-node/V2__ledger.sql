-- The replica's copy of the ledger. Everything here is derived from the ordered log: a block, its
-- transactions, receipts, logs, withdrawals, its state changes and the log offset after it are
-- written in one database transaction (see BlockStore), so a crash at any point leaves either the
-- whole block or none of it, and the replica resumes from the offset stored with the last block.

CREATE TABLE blocks (
    number            BIGINT  PRIMARY KEY CHECK (number >= 0),
    hash              BYTEA   NOT NULL UNIQUE,
    parent_hash       BYTEA   NOT NULL,
    timestamp         BIGINT  NOT NULL,
    transactions_root BYTEA   NOT NULL,
    receipts_root     BYTEA   NOT NULL,
    state_root        BYTEA   NOT NULL,
    withdrawal_root   BYTEA   NOT NULL,
    withdrawal_count  INTEGER NOT NULL,
    gas_used          BIGINT  NOT NULL,
    gas_limit         BIGINT  NOT NULL,
    base_fee          NUMERIC(78, 0) NOT NULL,
    logs_bloom        BYTEA   NOT NULL,
    transaction_count INTEGER NOT NULL,
    next_offset       BIGINT  NOT NULL CHECK (next_offset >= 0)
);

-- Transactions with their receipts (one row each: a receipt exists exactly when its
-- transaction is in a block).
CREATE TABLE transactions (
    hash                     BYTEA    PRIMARY KEY,
    block_number             BIGINT   NOT NULL REFERENCES blocks (number),
    tx_index                 INTEGER  NOT NULL,
    type                     SMALLINT NOT NULL,
    sender                   BYTEA    NOT NULL,
    recipient                BYTEA,
    nonce                    BIGINT   NOT NULL,
    gas_limit                BIGINT   NOT NULL,
    max_fee_per_gas          NUMERIC(78, 0) NOT NULL,
    max_priority_fee_per_gas NUMERIC(78, 0) NOT NULL,
    value                    NUMERIC(78, 0) NOT NULL,
    input                    BYTEA    NOT NULL,
    chain_id                 BIGINT   NOT NULL,
    v                        NUMERIC(78, 0) NOT NULL,
    r                        NUMERIC(78, 0) NOT NULL,
    s                        NUMERIC(78, 0) NOT NULL,
    status                   SMALLINT NOT NULL,
    gas_used                 BIGINT   NOT NULL,
    cumulative_gas_used      BIGINT   NOT NULL,
    effective_gas_price      NUMERIC(78, 0) NOT NULL,
    logs_bloom               BYTEA    NOT NULL,
    UNIQUE (block_number, tx_index)
);

CREATE TABLE logs (
    block_number BIGINT  NOT NULL REFERENCES blocks (number),
    log_index    INTEGER NOT NULL,
    tx_hash      BYTEA   NOT NULL,
    tx_index     INTEGER NOT NULL,
    address      BYTEA   NOT NULL,
    topic0       BYTEA,
    topic1       BYTEA,
    topic2       BYTEA,
    topic3       BYTEA,
    data         BYTEA   NOT NULL,
    PRIMARY KEY (block_number, log_index)
);
CREATE INDEX logs_by_address ON logs (address, block_number);
CREATE INDEX logs_by_topic0 ON logs (topic0, block_number);
CREATE INDEX logs_by_tx ON logs (tx_hash);

-- Withdrawal requests, in the order of the leaves of their block's withdrawal tree.
CREATE TABLE withdrawals (
    nonce        NUMERIC(78, 0) PRIMARY KEY,
    block_number BIGINT  NOT NULL REFERENCES blocks (number),
    leaf_index   INTEGER NOT NULL,
    l1_token     BYTEA   NOT NULL,
    sender       BYTEA   NOT NULL,
    l1_recipient BYTEA   NOT NULL,
    amount       NUMERIC(78, 0) NOT NULL,
    UNIQUE (block_number, leaf_index)
);

-- The state of the latest block: 32-byte keys (keccak of kind and fields) to encoded values;
-- the state root is the compact sparse Merkle tree over these entries.
CREATE TABLE state (
    key   BYTEA PRIMARY KEY,
    value BYTEA NOT NULL
);
