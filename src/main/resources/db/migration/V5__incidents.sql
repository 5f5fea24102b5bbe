-- Incidents: one per outage of a dependency, with the alerts listed in it and the facts it records itself.
-- Written in the same transaction as the decision that changed them (check state, alert events,
-- notifications). Ids are made from what happened, so a decision copied twice is recognised.
CREATE TABLE incident (
    id           VARCHAR(300)             NOT NULL PRIMARY KEY,
    dependency   VARCHAR(200)             NOT NULL,
    -- OPEN, RECOVERED (waiting the quiet period) or CLOSED (confirmed stable)
    state        VARCHAR(20)              NOT NULL,
    severity     VARCHAR(20)              NOT NULL,
    title        VARCHAR(500)             NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recovered_at TIMESTAMP WITH TIME ZONE,
    closed_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX incident_state ON incident (state);
CREATE INDEX incident_opened ON incident (opened_at);

-- Every alert listed in an incident (alert_id is the alert events' incident_id): a dependency's own alert,
-- its breaker joining its checks' outage, a dependent alert held while its parent was DOWN, a connectivity
-- check's own alert. A released dependent alert is listed twice: in its parent's incident and in its own.
CREATE TABLE incident_alert (
    incident_id VARCHAR(300)             NOT NULL,
    alert_id    VARCHAR(200)             NOT NULL,
    role        VARCHAR(20)              NOT NULL,
    dependency  VARCHAR(200)             NOT NULL,
    check_id    VARCHAR(200),
    subject     VARCHAR(300)             NOT NULL,
    -- for a held dependent alert: the parent dependency that was DOWN
    held_by     VARCHAR(200),
    joined_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, alert_id)
);

CREATE INDEX incident_alert_alert ON incident_alert (alert_id);

-- What an incident records itself (opened, reopened, breaker joined, dependent held or released, recovered,
-- confirmed stable); the rest of its timeline is read from the tables that record it already.
CREATE TABLE incident_fact (
    id          VARCHAR(600)             NOT NULL PRIMARY KEY,
    incident_id VARCHAR(300)             NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(40)              NOT NULL,
    subject     VARCHAR(300)             NOT NULL,
    text        VARCHAR(2000)            NOT NULL
);

CREATE INDEX incident_fact_incident ON incident_fact (incident_id, at);
