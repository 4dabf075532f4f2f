-- A person an event had to reach by a deadline (kill-switch notify targets, seed 001 §2.2/§5.1): written in the
-- transaction that recorded the event, next to the durable platform timer that checks it at due_at + grace.
CREATE TABLE notification_deadline (
    deadline_id        TEXT PRIMARY KEY,
    causation_event_id TEXT        NOT NULL,
    causation_type     TEXT        NOT NULL,
    causation_subject  TEXT,
    recipient          TEXT        NOT NULL,
    role               TEXT,
    due_at             TIMESTAMPTZ NOT NULL,
    state              TEXT        NOT NULL DEFAULT 'pending', -- pending | met | missed
    delivered_at       TIMESTAMPTZ,                            -- the first message that reached them, if any
    decided_at         TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT notification_deadline_once UNIQUE (causation_event_id, recipient)
);
CREATE INDEX notification_deadline_state ON notification_deadline (state, due_at);
CREATE INDEX notification_deadline_recipient ON notification_deadline (recipient, due_at);
