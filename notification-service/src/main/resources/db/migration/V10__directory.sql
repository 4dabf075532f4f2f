-- The contact directory and the on-call schedule: projections of the roster events this service recorded
-- (aggregate types person and oncall-schedule); POST /admin/projections/{name}/rebuild replays them.

CREATE TABLE contact (
    username          TEXT PRIMARY KEY,
    name              TEXT,
    email             TEXT,
    slack             TEXT,
    webhook_url       TEXT,
    time_zone         TEXT,
    updated_at        TIMESTAMPTZ NOT NULL,
    aggregate_version INTEGER     NOT NULL
);

-- A realm role held from granted_at until revoked_at (open while null), so a role resolves at any instant.
CREATE TABLE role_grant (
    id         BIGSERIAL PRIMARY KEY,
    username   TEXT        NOT NULL,
    role       TEXT        NOT NULL,
    granted_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX role_grant_role ON role_grant (role, granted_at);

CREATE TABLE oncall_rotation (
    week_start        DATE PRIMARY KEY,
    primary_person    TEXT        NOT NULL,
    secondary_person  TEXT        NOT NULL,
    starts_at         TIMESTAMPTZ NOT NULL,
    ends_at           TIMESTAMPTZ NOT NULL,
    aggregate_version INTEGER     NOT NULL
);

CREATE TABLE oncall_override (
    override_id       TEXT PRIMARY KEY,
    slot              TEXT        NOT NULL,
    person            TEXT        NOT NULL,
    from_at           TIMESTAMPTZ NOT NULL,
    to_at             TIMESTAMPTZ NOT NULL,
    aggregate_version INTEGER     NOT NULL
);

-- The cover ownership-service computed (rotation with overrides applied); the latest event for a start wins.
CREATE TABLE oncall_shift (
    from_at           TIMESTAMPTZ PRIMARY KEY,
    to_at             TIMESTAMPTZ NOT NULL,
    primary_person    TEXT        NOT NULL,
    secondary_person  TEXT        NOT NULL,
    aggregate_version INTEGER     NOT NULL
);
