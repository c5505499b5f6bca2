-- Proposals with M-of-N approvals. A proposal is made only if it passes the federation policy;
-- approvals are one per principal (the primary key), the proposer's counting once; once M are in,
-- the timelock runs (any admin may cancel), then the proposal is published on bridge.governance or,
-- for the console's own admin roster, executed here.
CREATE TABLE proposals (
    id                  BIGSERIAL   PRIMARY KEY,
    kind                TEXT        NOT NULL CHECK (kind IN ('ADD_MEMBER', 'REMOVE_MEMBER',
                                        'CHANGE_THRESHOLD', 'ROTATE_IDENTITY', 'TOKEN_CONFIG',
                                        'PAUSER_UPDATE', 'UNPAUSE', 'GRANT_ADMIN', 'REVOKE_ADMIN')),
    summary             TEXT        NOT NULL,
    effect              TEXT        NOT NULL,      -- canonical JSON of what will be published
    base_epoch          BIGINT,                    -- member changes: the epoch they change
    state               TEXT        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'PUBLISHED',
                                        'EXECUTED', 'CANCELLED', 'EXPIRED', 'FAILED')),
    proposer            TEXT        NOT NULL,
    required_approvals  INTEGER     NOT NULL CHECK (required_approvals >= 2),
    created_at          TIMESTAMPTZ NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    approved_at         TIMESTAMPTZ,
    ready_at            TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    closed_by           TEXT,
    close_reason        TEXT,
    governance_sequence BIGINT UNIQUE
);
CREATE INDEX proposals_state ON proposals (state, ready_at);

CREATE TABLE approvals (
    proposal_id BIGINT      NOT NULL REFERENCES proposals (id),
    principal   TEXT        NOT NULL,
    approved_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (proposal_id, principal)           -- nobody approves twice
);

-- The federation's epochs as the console knows them: epoch 0 from the genesis spec, later ones
-- from published rotations, activated once the EpochChange is in force on L1 and the sidechain.
CREATE TABLE epochs (
    epoch        BIGINT      PRIMARY KEY CHECK (epoch >= 0),
    threshold    INTEGER     NOT NULL CHECK (threshold >= 1),
    members      TEXT        NOT NULL,             -- JSON [{index, operatorId, identityPublicKey}]
    attempt      BIGINT      NOT NULL DEFAULT 0,
    source       TEXT        NOT NULL,
    proposal_id  BIGINT      REFERENCES proposals (id),
    group_key    TEXT,                             -- 0x compressed G2, once known
    state        TEXT        NOT NULL CHECK (state IN ('PLANNED', 'ACTIVE', 'RETIRED', 'ABANDONED')),
    planned_at   TIMESTAMPTZ NOT NULL,
    activated_at TIMESTAMPTZ
);

-- Every governance record, in sequence order, as signed and sent (an outbox: a record committed
-- here is sent until Kafka acknowledges it; consumers act on each sequence once).
CREATE TABLE governance_log (
    sequence     BIGINT      PRIMARY KEY CHECK (sequence >= 1),
    proposal_id  BIGINT      NOT NULL REFERENCES proposals (id),
    action       TEXT        NOT NULL,
    governance_nonce NUMERIC(78, 0),
    record       BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    sent_at      TIMESTAMPTZ
);
