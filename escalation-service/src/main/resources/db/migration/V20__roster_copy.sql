-- escalation-service's own copy of vigil.roster (never a call to ownership-service): people, their realm roles,
-- the weekly rotations and the overrides. Rebuilt from event_store if lost (POST /admin/projections/roster/rebuild).
CREATE TABLE roster_person (
    username TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    email    TEXT NOT NULL
);
-- granted_at: when several people hold a role, the ladder pages the one it was granted to last.
CREATE TABLE roster_role (
    username   TEXT        NOT NULL,
    role       TEXT        NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, role)
);
CREATE TABLE roster_rotation (
    week_start        DATE PRIMARY KEY,
    primary_person    TEXT        NOT NULL,
    secondary_person  TEXT        NOT NULL,
    starts_at         TIMESTAMPTZ NOT NULL,
    ends_at           TIMESTAMPTZ NOT NULL,
    aggregate_version INTEGER     NOT NULL
);
-- aggregate_version orders the overrides as they were set: a later one wins where two overlap.
CREATE TABLE roster_override (
    override_id       TEXT PRIMARY KEY,
    slot              TEXT        NOT NULL,
    person            TEXT        NOT NULL,
    from_at           TIMESTAMPTZ NOT NULL,
    to_at             TIMESTAMPTZ NOT NULL,
    aggregate_version INTEGER     NOT NULL
);

-- The copy of vigil.ownership's windows: who owns an open deploy window on which service.
-- Rebuilt from event_store if lost (POST /admin/projections/deploy-window/rebuild).
CREATE TABLE deploy_window (
    deploy_id         TEXT PRIMARY KEY,
    service           TEXT        NOT NULL,
    owner             TEXT        NOT NULL,
    window_starts_at  TIMESTAMPTZ NOT NULL,
    window_ends_at    TIMESTAMPTZ NOT NULL,
    released_at       TIMESTAMPTZ,
    aggregate_version INTEGER     NOT NULL
);
CREATE INDEX deploy_window_service ON deploy_window (service, window_starts_at DESC);
