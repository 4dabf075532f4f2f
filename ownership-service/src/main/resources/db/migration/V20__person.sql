-- Projection of the person aggregates: the people register GET /people reads and the Roster asks.
-- Rebuilt from event_store if lost (POST /admin/projections/person/rebuild).
CREATE TABLE person (
    username          TEXT PRIMARY KEY,
    name              TEXT        NOT NULL,
    email             TEXT        NOT NULL,
    slack             TEXT,
    webhook_url       TEXT,
    time_zone         TEXT        NOT NULL,
    roles             TEXT[]      NOT NULL DEFAULT '{}',
    registered_at     TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    aggregate_version INTEGER     NOT NULL
);
