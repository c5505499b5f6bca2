-- Deposit certificates submitted to the sidechain (bridge-validator `submit` feature).

-- How far the submitter has followed consensus_certificates (by seq).
CREATE TABLE submit_cursor (
    id       SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT   NOT NULL CHECK (last_seq >= 0)
);
INSERT INTO submit_cursor (id, last_seq) VALUES (1, 0);

-- One row per deposit certificate to submit; retried until the sidechain answers.
CREATE TABLE submit_deposit_certificates (
    certificate_seq BIGINT        NOT NULL PRIMARY KEY,
    batch_id        NUMERIC(78,0) NOT NULL CHECK (batch_id >= 0),
    epoch           BIGINT        NOT NULL CHECK (epoch >= 0),
    status          TEXT          NOT NULL CHECK (status IN ('pending', 'accepted', 'refused')),
    attempts        INTEGER       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      TEXT,
    tx_hash         TEXT,
    duplicate       BOOLEAN,
    answered_at     TIMESTAMPTZ
);
CREATE INDEX submit_deposit_certificates_due
    ON submit_deposit_certificates (next_attempt_at) WHERE status = 'pending';
