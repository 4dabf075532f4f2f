-- Projection of the programme aggregate (phase gates, seed 001 §6): what GET /programs reads. Rebuilt from
-- event_store if lost. The open gate's approvals and vetoes, the advances and the rollbacks with their sign-off
-- forms are one JSON document per programme, copied from the events.
CREATE TABLE program (
    program_id        TEXT PRIMARY KEY,
    name              TEXT        NOT NULL,
    phase             TEXT        NOT NULL,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    sheet             TEXT        NOT NULL,
    aggregate_version INTEGER     NOT NULL
);
CREATE INDEX program_created ON program (created_at DESC);
