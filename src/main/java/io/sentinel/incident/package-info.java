/**
 * Incidents: one per outage of a dependency. The {@link io.sentinel.incident.IncidentTracker} sits between
 * the rules and the alert decision: it puts every alert event into its dependency's incident and decides which
 * of them people are told about (one root cause, one message), and its changes are committed with the decision
 * that caused them. {@link io.sentinel.incident.timeline} reads an incident back as its timeline of facts.
 */
package io.sentinel.incident;
