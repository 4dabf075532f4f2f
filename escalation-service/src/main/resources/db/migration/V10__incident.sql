-- Projection of the incident and alert aggregates: what GET /incidents reads and which open incident an alert
-- key belongs to. Rebuilt from event_store if lost (POST /admin/projections/incident/rebuild).
CREATE TABLE incident (
    incident_id       TEXT PRIMARY KEY,
    service           TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    severity          TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    scope             TEXT,
    deploy_id         TEXT,
    deploy_owner      TEXT,
    opened_at         TIMESTAMPTZ NOT NULL,
    policy_rule       TEXT        NOT NULL,
    policy_version    TEXT        NOT NULL,
    acknowledged_by   TEXT,
    acknowledged_at   TIMESTAMPTZ,
    resolved_by       TEXT,
    resolved_at       TIMESTAMPTZ,
    root_cause        TEXT,
    resolution        TEXT,
    aggregate_version INTEGER     NOT NULL
);
CREATE INDEX incident_open ON incident (opened_at DESC) WHERE status = 'open';

-- The alerts of each incident and whether each still fires (alert.raised / alert.resolved of the key).
CREATE TABLE incident_alert (
    incident_id TEXT    NOT NULL,
    alert_key   TEXT    NOT NULL,
    firing      BOOLEAN NOT NULL,
    PRIMARY KEY (incident_id, alert_key)
);
CREATE INDEX incident_alert_key ON incident_alert (alert_key);

-- Who was paged when and why: one row per incident event.
CREATE TABLE incident_timeline (
    incident_id TEXT        NOT NULL,
    version     INTEGER     NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    type        TEXT        NOT NULL,
    actor       TEXT,
    severity    TEXT,
    step        INTEGER,
    action      TEXT,
    targets     TEXT,
    reason      TEXT,
    policy_rule TEXT,
    PRIMARY KEY (incident_id, version)
);
