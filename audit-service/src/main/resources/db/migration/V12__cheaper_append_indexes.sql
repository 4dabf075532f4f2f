-- Cheaper indexes for the append path, the same queries served.

-- Text keys are only ever compared for equality (and type by prefix): byte order ("C") spares every insert the
-- locale's collation rules. The column types do not change, so the table is not rewritten; the indexes are rebuilt.
ALTER TABLE audit_entry
    ALTER COLUMN event_id TYPE TEXT COLLATE "C",
    ALTER COLUMN type TYPE TEXT COLLATE "C",
    ALTER COLUMN subject TYPE TEXT COLLATE "C",
    ALTER COLUMN actor TYPE TEXT COLLATE "C";

-- audit_entry_occurred stays a B-tree: a block-range (BRIN) index was measured and answered type + time-range
-- queries at p99 356 ms on 1,000,000 entries while events arrived. Entries are in event-time order only roughly: a
-- batch interleaves its partitions, each fetched far ahead of the others in event time, so every block range spans
-- hours, and the ranges not yet summarised are read whole.

-- A notification's causationSubject as a plain column written by the appender, instead of parsing every
-- notification's payload as jsonb for an expression index. It is derived from the payload, which the entry hash
-- covers, so filling it for the entries already logged changes nothing the chain protects.
ALTER TABLE audit_entry ADD COLUMN causation_subject TEXT COLLATE "C";
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete;
UPDATE audit_entry SET causation_subject = payload::jsonb ->> 'causationSubject' WHERE type = 'vigil.notification.sent.v1';
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete;
DROP INDEX audit_entry_notification_cause;
CREATE INDEX audit_entry_causation ON audit_entry (causation_subject, seq) WHERE causation_subject IS NOT NULL;
