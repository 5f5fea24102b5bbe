-- What paid probes cost, per dependency and UTC day: the daily budget survives restarts.
CREATE TABLE probe_spend (
    dependency VARCHAR(200)   NOT NULL,
    spent_on   DATE           NOT NULL,
    usd        DECIMAL(12, 6) NOT NULL,
    PRIMARY KEY (dependency, spent_on)
);
