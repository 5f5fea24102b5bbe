-- The outbox: every notification is stored here before it is sent; its id is the idempotency key, so one
-- alert transition reaches one channel once. Unfinished rows (PENDING, HELD) are what a restart continues.
CREATE TABLE notification (
    id              VARCHAR(400)             NOT NULL PRIMARY KEY,
    channel_id      VARCHAR(200)             NOT NULL,
    kind            VARCHAR(20)              NOT NULL,
    incident_id     VARCHAR(200)             NOT NULL,
    check_id        VARCHAR(200),
    dependency      VARCHAR(200)             NOT NULL,
    severity        VARCHAR(20)              NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    -- the notification itself (event, note, runbook) as JSON
    payload         VARCHAR                  NOT NULL,
    state           VARCHAR(20)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX notification_state ON notification (state);
CREATE INDEX notification_incident ON notification (incident_id, created_at);

-- Silences created over the API: notifications matching them are held until they end.
CREATE TABLE silence (
    id         VARCHAR(100)             NOT NULL PRIMARY KEY,
    check_id   VARCHAR(200),
    dependency VARCHAR(200),
    severity   VARCHAR(20),
    starts_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason     VARCHAR(1000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
