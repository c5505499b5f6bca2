-- Keys and DKG (owner: the federation-keys work; versions 2.x). See docs/architecture.md, "DKG".

-- One row per DKG session this member takes part in. The dealing seed is recorded here before the
-- member publishes anything, so a restart deals the very same polynomial (never a second one).
-- The seed alone reveals nothing: the deal is derived from it together with the identity key.
CREATE TABLE dkg_session (
    session_id       BYTEA   PRIMARY KEY CHECK (length(session_id) = 32),
    epoch            BIGINT  NOT NULL CHECK (epoch >= 0),
    spec             TEXT    NOT NULL,
    my_index         INTEGER NOT NULL CHECK (my_index >= 1),
    deal_seed        BYTEA   NOT NULL CHECK (length(deal_seed) = 32),
    -- next bridge.dkg offset to read; the records before it are in dkg_record (or were foreign)
    next_offset      BIGINT,
    status           TEXT    NOT NULL CHECK (status IN ('RUNNING', 'CONFIRMED', 'FAILED')),
    failure          TEXT,
    group_key        BYTEA,
    transcript_hash  BYTEA,
    outcome_hash     BYTEA,
    has_share        BOOLEAN,
    started_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ
);

-- The session's public transcript: every record that counted, in log order, as it was on the topic.
CREATE TABLE dkg_record (
    session_id  BYTEA    NOT NULL REFERENCES dkg_session (session_id),
    seq         INTEGER  NOT NULL CHECK (seq >= 0),
    log_offset  BIGINT   NOT NULL CHECK (log_offset >= 0),
    sender      INTEGER  NOT NULL CHECK (sender >= 1),
    kind        SMALLINT NOT NULL,
    record      BYTEA    NOT NULL,
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, log_offset)
);

-- Confirmed federations (t matching confirmations on the log): one per epoch, ever.
CREATE TABLE federation_epoch (
    epoch         BIGINT  PRIMARY KEY CHECK (epoch >= 0),
    session_id    BYTEA   NOT NULL UNIQUE REFERENCES dkg_session (session_id),
    l1_chain_id   BIGINT  NOT NULL,
    vault         TEXT    NOT NULL,
    sidechain_id  BIGINT  NOT NULL,
    group_key     BYTEA   NOT NULL CHECK (length(group_key) = 96),
    threshold     INTEGER NOT NULL CHECK (threshold >= 1),
    -- JSON array of {index, operatorId, identityPublicKey, sharePublicKey}
    members       TEXT    NOT NULL,
    my_index      INTEGER,
    my_share      BOOLEAN NOT NULL,
    confirmed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
