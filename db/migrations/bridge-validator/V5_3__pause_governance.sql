-- Pauser updates and unpauses published on bridge.governance (PAUSER_UPDATE and UNPAUSE records),
-- as this validator read and checked them: the federation certifies one only for the vault's
-- current governance nonce, an unpause only while the vault is paused with the pause count it names
-- (governance.PauseGovernance). One row per governance record that asked for one.
ALTER TABLE governance_applied DROP CONSTRAINT governance_applied_decision_check;
ALTER TABLE governance_applied
    ADD CONSTRAINT governance_applied_decision_check
    CHECK (decision IN ('NOTED', 'DKG', 'TOKEN_CONFIG', 'PAUSER_UPDATE', 'UNPAUSE'));

CREATE TABLE governance_pauser_updates (
    sequence         BIGINT         PRIMARY KEY REFERENCES governance_applied (sequence),
    governance_nonce NUMERIC(78, 0) NOT NULL CHECK (governance_nonce >= 0),
    pauser           TEXT           NOT NULL CHECK (pauser ~ '^0x[0-9a-f]{40}$'
                                        AND pauser <> '0x0000000000000000000000000000000000000000'),
    enabled          BOOLEAN        NOT NULL
);
CREATE INDEX governance_pauser_updates_nonce ON governance_pauser_updates (governance_nonce);

CREATE TABLE governance_unpauses (
    sequence         BIGINT         PRIMARY KEY REFERENCES governance_applied (sequence),
    governance_nonce NUMERIC(78, 0) NOT NULL CHECK (governance_nonce >= 0),
    pause_count      NUMERIC(78, 0) NOT NULL CHECK (pause_count >= 1)
);
CREATE INDEX governance_unpauses_nonce ON governance_unpauses (governance_nonce);
