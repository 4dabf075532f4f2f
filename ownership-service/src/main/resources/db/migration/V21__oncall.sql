-- Projections of the on-call schedule aggregate ('oncall'): its rotation weeks and overrides, what GET /oncall/*
-- and the Roster read. Rebuilt from event_store if lost (POST /admin/projections/oncall/rebuild).
CREATE TABLE oncall_rotation (
    week_start        DATE PRIMARY KEY,
    primary_person    TEXT        NOT NULL,
    secondary_person  TEXT        NOT NULL,
    time_zone         TEXT        NOT NULL,
    starts_at         TIMESTAMPTZ NOT NULL,
    ends_at           TIMESTAMPTZ NOT NULL,
    scheduled_at      TIMESTAMPTZ NOT NULL,
    aggregate_version INTEGER     NOT NULL
);
-- aggregate_version orders the overrides as they were set: a later one wins where two overlap.
CREATE TABLE oncall_override (
    override_id       TEXT PRIMARY KEY,
    slot              TEXT        NOT NULL,
    person            TEXT        NOT NULL,
    replaces          TEXT,
    from_at           TIMESTAMPTZ NOT NULL,
    to_at             TIMESTAMPTZ NOT NULL,
    reason            TEXT        NOT NULL,
    set_at            TIMESTAMPTZ NOT NULL,
    aggregate_version INTEGER     NOT NULL
);
CREATE INDEX oncall_override_to ON oncall_override (to_at);
