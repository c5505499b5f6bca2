-- Token configurations published on bridge.governance (TOKEN_CONFIG records), as this validator
-- read and checked them: the federation certifies one only for the vault's current governance
-- nonce (governance.TokenConfigs). One row per governance record that asked for one.
ALTER TABLE governance_applied DROP CONSTRAINT governance_applied_decision_check;
ALTER TABLE governance_applied
    ADD CONSTRAINT governance_applied_decision_check
    CHECK (decision IN ('NOTED', 'DKG', 'TOKEN_CONFIG'));

CREATE TABLE governance_token_configs (
    sequence         BIGINT         PRIMARY KEY REFERENCES governance_applied (sequence),
    governance_nonce NUMERIC(78, 0) NOT NULL CHECK (governance_nonce >= 0),
    token            TEXT           NOT NULL CHECK (token ~ '^0x[0-9a-f]{40}$'),
    registered       BOOLEAN        NOT NULL,
    period_limit     NUMERIC(78, 0) NOT NULL CHECK (period_limit >= 0),
    period_seconds   NUMERIC(78, 0) NOT NULL CHECK (period_seconds >= 0),
    delay_threshold  NUMERIC(78, 0) NOT NULL CHECK (delay_threshold >= 0),
    delay_seconds    NUMERIC(78, 0) NOT NULL CHECK (delay_seconds >= 0)
);
CREATE INDEX governance_token_configs_nonce ON governance_token_configs (governance_nonce);
