-- Writes to Trakt (scrobbles, history) wait here until Trakt has them, so an outage or a restart loses
-- nothing. dedupe_key keeps one event from being queued twice; a row is claimed (claimed_until) by the node
-- that sends it, so two nodes never send the same row at once.
CREATE TABLE trakt_outbox (
    id               ${id_pk},
    user_id          VARCHAR(36)              NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    -- the Trakt endpoint: /scrobble/start, /scrobble/pause, /scrobble/stop or /sync/history
    endpoint         VARCHAR(32)              NOT NULL,
    payload          TEXT                     NOT NULL,
    dedupe_key       VARCHAR(200)             NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER                  NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    failed_at        TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    CONSTRAINT uq_trakt_outbox_dedupe UNIQUE (dedupe_key),
    CONSTRAINT ck_trakt_outbox_endpoint CHECK (
        endpoint IN ('/scrobble/start', '/scrobble/pause', '/scrobble/stop', '/sync/history'))
);
CREATE INDEX ix_trakt_outbox_due ON trakt_outbox (delivered_at, failed_at, next_attempt_at);
