/**
 * The types every step after the probe shares: what an alert event says ({@link io.sentinel.model.AlertEvent},
 * {@link io.sentinel.model.AlertStatus}) and a check's health ({@link io.sentinel.model.HealthState}). Kept apart
 * so that the rules, the alert path and the API depend on these, not on each other.
 */
package io.sentinel.model;
