-- The rules a production deploy was flagged for at its start: pre-deploy gaps and avoided schedule slots.
ALTER TABLE deploy_window ADD COLUMN violations TEXT NOT NULL DEFAULT '';
