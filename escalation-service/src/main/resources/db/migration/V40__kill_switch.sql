-- Projection of the kill-switch aggregate: what GET /kill-switches reads and what GET /kill-switches/state answers
-- from. Rebuilt from event_store if lost (POST /admin/projections/kill-switch/rebuild).
CREATE TABLE kill_switch (
    switch_id          TEXT PRIMARY KEY,
    action             TEXT        NOT NULL,
    scope              TEXT        NOT NULL,
    scenario           TEXT        NOT NULL,
    reason             TEXT        NOT NULL,
    severity           TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    requested_by       TEXT        NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    duration_minutes   INTEGER,
    starts_at          TIMESTAMPTZ,
    activated_by       TEXT,
    activated_at       TIMESTAMPTZ,
    approvals_required TEXT,
    approval_due_at    TIMESTAMPTZ,
    approval_overdue   BOOLEAN     NOT NULL DEFAULT false,
    notify             TEXT,
    rejection_reason   TEXT,
    resumed_by         TEXT,
    resumed_at         TIMESTAMPTZ,
    resume_reason      TEXT,
    policy_rule        TEXT,
    policy_version     TEXT,
    aggregate_version  INTEGER     NOT NULL
);
CREATE INDEX kill_switch_active ON kill_switch (scope) WHERE status = 'active';

-- Every event of a switch, in order: approvals and resume signatures with the role they were given in.
CREATE TABLE kill_switch_timeline (
    switch_id   TEXT        NOT NULL,
    version     INTEGER     NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    type        TEXT        NOT NULL,
    actor       TEXT,
    by_person   TEXT,
    role        TEXT,
    detail      TEXT,
    policy_rule TEXT,
    PRIMARY KEY (switch_id, version)
);
