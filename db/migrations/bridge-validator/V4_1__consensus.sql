-- Consensus over Kafka (bridge-validator `consensus` feature).

-- Partial signatures this validator holds as candidates: at most one per member and batch (type,
-- batch id, epoch), each authenticated with the member's identity key before it is stored. Kept
-- until the batch is certified and the grace for late signers has passed, so that a restart loses
-- no vote. `record` is the partial exactly as read from bridge.partials.
CREATE TABLE consensus_candidates (
    message_type SMALLINT      NOT NULL CHECK (message_type BETWEEN 1 AND 255),
    batch_id     NUMERIC(78,0) NOT NULL CHECK (batch_id >= 0),
    epoch        BIGINT        NOT NULL CHECK (epoch >= 0),
    member_index INTEGER       NOT NULL CHECK (member_index >= 1),
    digest       BYTEA         NOT NULL CHECK (octet_length(digest) = 32),
    record       BYTEA         NOT NULL,
    received_at  TIMESTAMPTZ   NOT NULL,
    -- 'bad' once the partial failed its individual check: it is never checked (paired) again.
    verdict      TEXT          NOT NULL DEFAULT 'unverified'
                               CHECK (verdict IN ('unverified', 'good', 'bad')),
    PRIMARY KEY (message_type, batch_id, epoch, member_index)
);

-- Certificates this validator knows, combined here or read from bridge.certificates, each verified
-- against its epoch's group key before it is stored. `seq` orders them for the features that
-- follow them (submission to the sidechain).
CREATE TABLE consensus_certificates (
    seq              BIGSERIAL     NOT NULL UNIQUE,
    message_type     SMALLINT      NOT NULL CHECK (message_type BETWEEN 1 AND 255),
    batch_id         NUMERIC(78,0) NOT NULL CHECK (batch_id >= 0),
    epoch            BIGINT        NOT NULL CHECK (epoch >= 0),
    digest           BYTEA         NOT NULL CHECK (octet_length(digest) = 32),
    record           BYTEA         NOT NULL,
    combined_here    BOOLEAN       NOT NULL,
    -- false only between combining it here and Kafka acknowledging it on bridge.certificates.
    published        BOOLEAN       NOT NULL,
    first_partial_at TIMESTAMPTZ,
    certified_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (message_type, batch_id, epoch)
);

-- This member's own partials, written before they are sent (an outbox), so that a restarted
-- validator re-publishes those of batches that still have no certificate.
CREATE TABLE consensus_own_partials (
    message_type SMALLINT      NOT NULL CHECK (message_type BETWEEN 1 AND 255),
    batch_id     NUMERIC(78,0) NOT NULL CHECK (batch_id >= 0),
    epoch        BIGINT        NOT NULL CHECK (epoch >= 0),
    digest       BYTEA         NOT NULL CHECK (octet_length(digest) = 32),
    record       BYTEA         NOT NULL,
    signed_at    TIMESTAMPTZ   NOT NULL,
    published_at TIMESTAMPTZ,
    PRIMARY KEY (message_type, batch_id, epoch)
);
CREATE INDEX consensus_own_partials_signed_at ON consensus_own_partials (signed_at);
