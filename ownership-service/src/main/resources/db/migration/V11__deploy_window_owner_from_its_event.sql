-- A deploy's row exists from deploy.started; owner and window end come with ownership.assigned,
-- never guessed before it (the projection copies events, it does not decide).
ALTER TABLE deploy_window ALTER COLUMN owner DROP NOT NULL;
ALTER TABLE deploy_window ALTER COLUMN window_ends_at DROP NOT NULL;
