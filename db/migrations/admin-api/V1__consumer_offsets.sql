-- Kafka positions are stored in the service's own database, in the same transaction as the
-- effects of the records read, so that a restart neither loses nor re-applies a record.
CREATE TABLE consumer_offsets (
    topic       TEXT    NOT NULL,
    partition   INTEGER NOT NULL CHECK (partition >= 0),
    next_offset BIGINT  NOT NULL CHECK (next_offset >= 0),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition)
);
