-- The audit log: append-only and hash-chained. Each entry commits to the previous entry's hash,
-- so changing, removing or reordering any entry breaks every hash after it (GET /api/audit/verify).
-- The chain is computed here, by the insert trigger, under a lock: the service supplies only what
-- happened, never a sequence number or a hash, so it can neither fork nor rewrite the chain.
--
-- hash = sha256("fedbridge.audit.v1" || prev_hash || int8(seq) || int8(at in Unix microseconds)
--               || field(actor) || field(action) || field(target) || field(outcome) || field(details))
-- where field(x) = int4(byte length of UTF-8 x) || UTF-8 x, integers big-endian; prev_hash of the
-- first entry is 32 zero bytes. AuditChain (Java) computes the same to verify.
CREATE TABLE audit_log (
    seq       BIGINT      PRIMARY KEY CHECK (seq >= 1),
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT        NOT NULL CHECK (length(actor) BETWEEN 1 AND 128),
    action    TEXT        NOT NULL CHECK (action ~ '^[a-z][a-z0-9._-]{0,63}$'),
    target    TEXT        NOT NULL CHECK (length(target) <= 256),
    outcome   TEXT        NOT NULL CHECK (outcome IN ('done', 'refused', 'alert')),
    details   TEXT        NOT NULL CHECK (length(details) <= 65536),
    prev_hash BYTEA       NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash      BYTEA       NOT NULL CHECK (octet_length(hash) = 32)
);

CREATE FUNCTION audit_log_field(t TEXT) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path = pg_catalog
AS $fn$ SELECT int4send(octet_length(convert_to(t, 'UTF8'))) || convert_to(t, 'UTF8') $fn$;

CREATE FUNCTION audit_log_append() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ${flyway:defaultSchema}, pg_catalog
AS $fn$
DECLARE
    last_seq  BIGINT;
    last_hash BYTEA;
BEGIN
    -- One appender at a time until commit: the chain never forks.
    PERFORM pg_advisory_xact_lock(7102605381);
    SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
    NEW.seq := COALESCE(last_seq, 0) + 1;
    NEW.prev_hash := COALESCE(last_hash, decode(repeat('00', 32), 'hex'));
    NEW.at := date_trunc('microseconds', NEW.at);
    NEW.hash := sha256(
        convert_to('fedbridge.audit.v1', 'UTF8')
        || NEW.prev_hash
        || int8send(NEW.seq)
        || int8send((extract(epoch FROM NEW.at) * 1000000)::BIGINT)
        || audit_log_field(NEW.actor)
        || audit_log_field(NEW.action)
        || audit_log_field(NEW.target)
        || audit_log_field(NEW.outcome)
        || audit_log_field(NEW.details));
    RETURN NEW;
END
$fn$;

CREATE FUNCTION audit_log_refuse() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $fn$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append();
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();

-- The service role may read and append, nothing else (the default privileges granted more).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM "${app_role}";

CREATE INDEX audit_log_actor ON audit_log (actor, seq);
