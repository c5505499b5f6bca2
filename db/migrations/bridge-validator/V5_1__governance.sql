-- Governance records from the admin console (bridge.governance): each authentic sequence for this
-- deployment is acted on once, in order; a rotation naming this member starts its DKG, resumed
-- after a restart until it ends. (Versions 5.x belong to the governance feature.)
CREATE TABLE governance_applied (
    sequence    BIGINT      PRIMARY KEY CHECK (sequence >= 1),
    proposal_id BIGINT      NOT NULL,
    action      INTEGER     NOT NULL,
    decision    TEXT        NOT NULL CHECK (decision IN ('NOTED', 'DKG')),
    detail      TEXT        NOT NULL,
    spec        TEXT,                               -- the federation spec of a DKG it started
    outcome     TEXT,                               -- the DKG's outcome once it ended
    applied_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE governance_refused (
    reason TEXT   PRIMARY KEY,
    count  BIGINT NOT NULL
);
