-- The chain's head is its last entry, read under an advisory lock: the service needs no UPDATE anywhere in the log.
DROP TABLE audit_head;

-- Perfect subtrees of the RFC 6962 Merkle tree over entry hashes (leaf index = seq - 1), written as entries are appended.
CREATE TABLE merkle_node (
    level SMALLINT NOT NULL,
    idx   BIGINT   NOT NULL,
    hash  BYTEA    NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Every tree head the service signed; consistency between any two can be proven.
CREATE TABLE tree_head (
    tree_size BIGINT PRIMARY KEY,
    root_hash BYTEA       NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    key_id    TEXT        NOT NULL,
    signature BYTEA       NOT NULL
);

-- The development signing key, generated on first start when vigil.audit.signing-key is not configured.
CREATE TABLE signing_key (
    key_id      TEXT PRIMARY KEY,
    public_key  TEXT        NOT NULL,
    private_key TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER merkle_node_append_only BEFORE UPDATE OR DELETE ON merkle_node
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER tree_head_append_only BEFORE UPDATE OR DELETE ON tree_head
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER merkle_node_no_truncate BEFORE TRUNCATE ON merkle_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER tree_head_no_truncate BEFORE TRUNCATE ON tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- The activation log joins notifications to the kill switch that caused them.
CREATE INDEX audit_entry_notification_cause ON audit_entry ((payload::jsonb ->> 'causationSubject'))
    WHERE type = 'vigil.notification.sent.v1';

-- The service logs in as audit_app: INSERT and SELECT on the log, nothing more. Migrations run as the owner.
GRANT SELECT, INSERT ON audit_entry, merkle_node, tree_head, signing_key TO audit_app;
-- The platform's own tables (timers, inbox) work as in every service.
GRANT SELECT, INSERT, UPDATE, DELETE ON event_store, outbox, processed_event, timer TO audit_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO audit_app;
