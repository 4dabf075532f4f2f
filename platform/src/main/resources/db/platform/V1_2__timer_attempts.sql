-- A failing timer keeps its due time: attempts, the next attempt and the last error have columns of their own,
-- and a timer that used up its attempts is failed (not cancelled) until its dead letter is published.
ALTER TABLE timer
    ADD COLUMN next_attempt_at  TIMESTAMPTZ,  -- null until an attempt failed; never earlier than due_at
    ADD COLUMN last_error       TEXT,
    ADD COLUMN failed_at        TIMESTAMPTZ,  -- set aside after the last attempt
    ADD COLUMN dead_lettered_at TIMESTAMPTZ;  -- its dead letter was acknowledged by the broker

-- The poller before 1.2 set failing timers aside as cancelled after 5 attempts, without their error: they are
-- failed timers, and are dead-lettered now (a timer cancelled on purpose never reached 5 attempts).
UPDATE timer SET failed_at = cancelled_at, cancelled_at = NULL,
                 last_error = 'failed before errors were recorded (its due time may have been shifted by retries)'
WHERE cancelled_at IS NOT NULL AND fired_at IS NULL AND attempts >= 5;

DROP INDEX timer_due;
-- Claiming walks this in due order; the next wake-up reads the second.
CREATE INDEX timer_pending_due ON timer (due_at, id)
    WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL;
CREATE INDEX timer_pending_next ON timer ((coalesce(next_attempt_at, due_at)))
    WHERE fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL;
CREATE INDEX timer_failed ON timer (failed_at) WHERE failed_at IS NOT NULL;
CREATE INDEX timer_dead_letter_pending ON timer (id) WHERE failed_at IS NOT NULL AND dead_lettered_at IS NULL;
