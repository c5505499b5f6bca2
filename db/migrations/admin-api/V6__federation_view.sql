-- What the console learns from Kafka: each validator's latest authenticated heartbeat, and every
-- certificate with the signers its combiner claims (monitoring only: not covered by the
-- signature), verified under its epoch's group key once that key is known.
CREATE TABLE member_health (
    identity_key      TEXT        PRIMARY KEY,       -- 0x compressed secp256k1
    operator_id       TEXT        NOT NULL,
    epoch             BIGINT      NOT NULL,
    member_index      INTEGER     NOT NULL,
    sent_at_ms        BIGINT      NOT NULL,          -- the sender's clock
    received_at       TIMESTAMPTZ NOT NULL,          -- ours
    l1_head           BIGINT      NOT NULL,
    l1_safe_head      BIGINT      NOT NULL,
    l1_cursor         BIGINT      NOT NULL,
    sidechain_head    BIGINT      NOT NULL,
    sidechain_cursor  BIGINT      NOT NULL,
    last_signed_type  INTEGER,
    last_signed_batch NUMERIC(78, 0),
    last_signed_epoch BIGINT,
    halted            BOOLEAN     NOT NULL,
    halt_reason       TEXT        NOT NULL,
    software_version  TEXT        NOT NULL
);

CREATE TABLE certificates (
    type        INTEGER        NOT NULL,
    batch_id    NUMERIC(78, 0) NOT NULL,
    epoch       BIGINT         NOT NULL,
    digest      TEXT           NOT NULL,             -- what was signed: two bodies, two rows
    signers     TEXT           NOT NULL,             -- comma-separated member indexes (claimed)
    combined_by INTEGER        NOT NULL,
    record      BYTEA          NOT NULL,
    received_at TIMESTAMPTZ    NOT NULL,
    verified    BOOLEAN,                             -- null until the epoch's key is known
    PRIMARY KEY (type, batch_id, epoch, digest)
);
CREATE INDEX certificates_received ON certificates (received_at DESC);
CREATE INDEX certificates_unverified ON certificates (epoch) WHERE verified IS NULL;

-- Records the console refused (forged, malformed, unknown key), counted per reason.
CREATE TABLE refused_records (
    topic  TEXT   NOT NULL,
    reason TEXT   NOT NULL,
    count  BIGINT NOT NULL,
    PRIMARY KEY (topic, reason)
);
