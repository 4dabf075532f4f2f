-- One row per message to one person on one channel: the durable work row the channel's worker sends from,
-- written in the transaction that decided to send. The unique key makes a redelivered event send nothing more.
CREATE TABLE delivery (
    notification_id    TEXT PRIMARY KEY,
    causation_event_id TEXT        NOT NULL,
    causation_type     TEXT        NOT NULL,
    causation_subject  TEXT,
    recipient          TEXT        NOT NULL,
    role               TEXT,
    channel            TEXT        NOT NULL,
    address            TEXT        NOT NULL,
    template           TEXT        NOT NULL,
    subject            TEXT        NOT NULL,
    body               TEXT        NOT NULL,
    status             TEXT        NOT NULL DEFAULT 'pending', -- pending | sent | failed
    attempts           INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at    TIMESTAMPTZ NOT NULL,
    last_error         TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    sent_at            TIMESTAMPTZ,
    failed_at          TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (causation_event_id, recipient, channel)
);
CREATE INDEX delivery_due ON delivery (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX delivery_recipient ON delivery (recipient, created_at);

CREATE TABLE delivery_attempt (
    notification_id TEXT        NOT NULL REFERENCES delivery (notification_id),
    attempt         INTEGER     NOT NULL,
    attempted_at    TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL, -- sent | failed
    error           TEXT,
    PRIMARY KEY (notification_id, attempt)
);
