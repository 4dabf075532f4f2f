-- What the window's events say about its progress: checks, checkpoints, handoffs, post-mortems, rollout, release.
ALTER TABLE deploy_window
    ADD COLUMN handoffs              INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN last_check_at         TIMESTAMPTZ,
    ADD COLUMN next_check_due_at     TIMESTAMPTZ,
    ADD COLUMN missed_checks         INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN checkpoints_done      TEXT        NOT NULL DEFAULT '',
    ADD COLUMN checkpoints_missed    TEXT        NOT NULL DEFAULT '',
    ADD COLUMN postmortems_required  INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN postmortems_filed     INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN postmortems_overdue   INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN last_rollout_decision TEXT,
    ADD COLUMN signed_off_by         TEXT;
