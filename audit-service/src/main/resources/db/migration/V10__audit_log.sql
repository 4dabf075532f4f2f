-- The append-only, hash-chained audit log. See audit-service/README.md for the hash layout.
CREATE TABLE audit_entry (
    seq             BIGINT PRIMARY KEY,
    event_id        TEXT        NOT NULL UNIQUE,
    topic           TEXT        NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    type            TEXT        NOT NULL,
    source          TEXT,
    subject         TEXT,
    actor           TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    payload         TEXT        NOT NULL,
    hash_version    SMALLINT    NOT NULL,
    prev_hash       BYTEA       NOT NULL,
    entry_hash      BYTEA       NOT NULL
);
CREATE INDEX audit_entry_type ON audit_entry (type, seq);
CREATE INDEX audit_entry_subject ON audit_entry (subject, seq);
CREATE INDEX audit_entry_actor ON audit_entry (actor, seq);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at, seq);

-- The head of the chain: appenders lock this row, so seq stays gapless with several instances.
CREATE TABLE audit_head (
    singleton  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    seq        BIGINT NOT NULL,
    entry_hash BYTEA  NOT NULL
);
INSERT INTO audit_head (seq, entry_hash) VALUES (0, decode(repeat('00', 32), 'hex'));

-- The database itself refuses to change the log.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
