-- Signing protection and the signing halt (owner: watch/batch/signing; versions 3.x).
--
-- SECURITY: equivocation protection. One digest per (message type, batch id, epoch), written and
-- committed before a partial signature leaves the process; a different digest for the same key is
-- refused, also after a restart (the primary key decides between concurrent attempts). The partial
-- is kept so that it can be re-published after a restart.
CREATE TABLE signing_protection (
    message_type TEXT           NOT NULL CHECK (message_type IN ('DEPOSIT_BATCH', 'WITHDRAWAL_BATCH',
                                    'EPOCH_CHANGE', 'TOKEN_CONFIG', 'PAUSER_UPDATE', 'UNPAUSE')),
    batch_id     NUMERIC(78, 0) NOT NULL CHECK (batch_id >= 0),
    epoch        BIGINT         NOT NULL CHECK (epoch >= 0),
    digest       BYTEA          NOT NULL CHECK (octet_length(digest) = 32),
    member_index INTEGER        CHECK (member_index >= 1),
    partial      BYTEA          CHECK (partial IS NULL OR octet_length(partial) = 48),
    origin       TEXT           NOT NULL CHECK (origin IN ('signed', 'imported')),
    recorded_at  TIMESTAMPTZ    NOT NULL,
    sequence     BIGSERIAL      NOT NULL UNIQUE,
    PRIMARY KEY (message_type, batch_id, epoch),
    CHECK ((partial IS NULL) = (member_index IS NULL))
);

-- SECURITY: a record is never deleted or truncated, and its key and digest never change; a missing
-- partial may be filled in once (an imported record later signed here), never replaced.
CREATE FUNCTION signing_protection_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'signing protection records are never deleted';
    END IF;
    IF NEW.message_type <> OLD.message_type OR NEW.batch_id <> OLD.batch_id
            OR NEW.epoch <> OLD.epoch OR NEW.digest <> OLD.digest THEN
        RAISE EXCEPTION 'signing protection key and digest never change';
    END IF;
    IF OLD.partial IS NOT NULL AND (NEW.partial IS DISTINCT FROM OLD.partial
            OR NEW.member_index IS DISTINCT FROM OLD.member_index) THEN
        RAISE EXCEPTION 'a recorded partial signature never changes';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER signing_protection_guard_rows
    BEFORE UPDATE OR DELETE ON signing_protection
    FOR EACH ROW EXECUTE FUNCTION signing_protection_guard();
CREATE TRIGGER signing_protection_guard_truncate
    BEFORE TRUNCATE ON signing_protection
    FOR EACH STATEMENT EXECUTE FUNCTION signing_protection_guard();

-- Why signing is halted (fail closed): a reorg below the safe head, a hash discontinuity, a
-- withdrawal root that does not match, a conflicting digest. Survives restarts; only an operator
-- clears it.
CREATE TABLE signing_halt (
    id        INTEGER     PRIMARY KEY CHECK (id = 1),
    source    TEXT        NOT NULL,
    reason    TEXT        NOT NULL,
    halted_at TIMESTAMPTZ NOT NULL
);
