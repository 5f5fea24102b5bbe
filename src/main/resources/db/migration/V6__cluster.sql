-- Several instances sharing one database (docs/cluster.md). Each probes from its location; one leader decides.

-- Every result says where it was probed from. Rows written before there were locations came from one instance.
ALTER TABLE probe_result ADD COLUMN location VARCHAR(64) DEFAULT 'local' NOT NULL;
CREATE INDEX probe_result_location_check ON probe_result (location, check_id, started_at);

-- Each location's view of each check: its own thresholds' state and its last result. Every instance writes its
-- own rows; the leader reads them all to decide whether a failure is confirmed from enough places.
CREATE TABLE location_view (
    location             VARCHAR(64)              NOT NULL,
    check_id             VARCHAR(200)             NOT NULL,
    dependency           VARCHAR(200)             NOT NULL,
    state                VARCHAR(20)              NOT NULL,
    since                TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INTEGER                 NOT NULL,
    consecutive_successes INTEGER                 NOT NULL,
    -- the last result, as probed from this location
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    latency_ms           BIGINT                   NOT NULL,
    outcome              VARCHAR(20)              NOT NULL,
    failure_class        VARCHAR(20),
    http_status          INTEGER                  NOT NULL,
    message              VARCHAR(500)             NOT NULL,
    -- when the last result that said something about the dependency (UP, DEGRADED or DOWN) finished
    observed_at          TIMESTAMP WITH TIME ZONE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (location, check_id)
);

-- The instances, as they last said they were alive: who is a member, who leads, where each one's API is.
CREATE TABLE cluster_member (
    member_id  VARCHAR(200)             NOT NULL PRIMARY KEY,
    location   VARCHAR(64)              NOT NULL,
    api_url    VARCHAR(300)             NOT NULL,
    leader     BOOLEAN                  NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A notification being sent: which instance claimed it, and until when the claim holds if that instance dies
-- mid-send. A claim is taken by one conditional UPDATE of the notification's row (its id is the idempotency
-- key), so of two instances that both believe they lead, only one sends it.
ALTER TABLE notification ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE notification ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
