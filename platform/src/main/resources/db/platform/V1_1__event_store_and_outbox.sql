-- Platform tables every service shares (versions 1.x are the platform's; a service's own migrations start at 10).

-- Every state change of the service, per aggregate, in order. The unique (aggregate_id, version) is the optimistic lock.
CREATE TABLE event_store (
    position       BIGSERIAL PRIMARY KEY,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    version        INTEGER     NOT NULL,
    event_id       TEXT        NOT NULL UNIQUE,
    event_type     TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    event          BYTEA       NOT NULL, -- the structured CloudEvent, exactly as published
    CONSTRAINT event_store_aggregate_version UNIQUE (aggregate_id, version)
);

-- Written in the transaction of the event; the relay publishes rows in id order and stamps published_at.
CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    record_key   TEXT        NOT NULL,
    event        BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- One row per event a consumer has applied; the insert shares the transaction of the effect.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Durable one-off timers, fired by a poller with FOR UPDATE SKIP LOCKED.
CREATE TABLE timer (
    id           BIGSERIAL PRIMARY KEY,
    kind         TEXT        NOT NULL,
    aggregate_id TEXT        NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    payload      TEXT,
    fired_at     TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,           -- cancelled, or set aside after too many failed attempts
    attempts     INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX timer_due ON timer (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
