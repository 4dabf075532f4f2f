-- Projection of the deploy aggregate: what GET /deploys reads. Rebuilt from event_store if lost.
CREATE TABLE deploy_window (
    deploy_id             TEXT PRIMARY KEY,
    service               TEXT        NOT NULL,
    version               TEXT        NOT NULL,
    environment           TEXT        NOT NULL,
    merged_by             TEXT        NOT NULL,
    owner                 TEXT        NOT NULL,
    pr_url                TEXT        NOT NULL,
    rollback_plan_url     TEXT        NOT NULL,
    staging_report_passed BOOLEAN     NOT NULL,
    started_at            TIMESTAMPTZ NOT NULL,
    window_ends_at        TIMESTAMPTZ NOT NULL,
    released_at           TIMESTAMPTZ,
    aggregate_version     INTEGER     NOT NULL
);
CREATE INDEX deploy_window_owner ON deploy_window (owner) WHERE released_at IS NULL;
CREATE INDEX deploy_window_service ON deploy_window (service, started_at DESC);
