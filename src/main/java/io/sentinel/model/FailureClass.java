package io.sentinel.model;

/** Why a probe failed, as precisely as the response allows. */
public enum FailureClass {
    /**
     * Credentials rejected, as the provider's own error answer says (401/403 in its documented shape,
     * {@code auth_failure}, {@code REQUEST_DENIED}). Never a CDN's or firewall's page: that is {@link #BLOCKED}.
     */
    AUTH,
    /**
     * A periodic allowance (monthly searches, credits, usage cap) is exhausted, or the account's billing does not
     * allow more use (billing disabled, payment overdue).
     */
    QUOTA,
    /** Too many requests in a short time; retrying later will work. */
    RATE_LIMITED,
    /** No complete answer within the deadline. */
    TIMEOUT,
    /** The host name did not resolve. */
    DNS,
    /** The TCP connection was refused, reset or could not be established. */
    CONNECT,
    /** The TLS handshake failed (certificate, protocol). */
    TLS,
    /** The server answered with a 5xx status. */
    HTTP_5XX,
    /** The server answered with a 4xx status not covered by a more precise class. */
    HTTP_4XX,
    /** A 2xx response whose body reports an error. */
    BODY_ERROR,
    /** The body no longer has the shape we expect: the provider changed its API, or we hit the wrong thing. */
    SCHEMA,
    /** A configured condition on the response did not hold. */
    CONDITION,
    /** A database could not be reached or a query failed. */
    DB,
    /** The deployed artefact is missing (an edge function that is not deployed, a deployment that is gone). */
    NOT_DEPLOYED,
    /**
     * Redirects went wrong: a loop, too many of them, a redirect to another host that was not followed because
     * the request carries credentials, or a redirect from an API that is not followed at all. The message names
     * where it pointed (without its query). Counts against the breaker: the dependency did not answer.
     */
    REDIRECT,
    /**
     * A CDN or web application firewall in front of the dependency (Cloudflare, Vercel, Akamai, AWS WAF,
     * Imperva) answered with its challenge or block page instead of the dependency. Not a credentials problem:
     * the request never reached the service that would judge them.
     */
    BLOCKED,
    /**
     * An operator's route broke its contract with Sentinel: a result field missing or wrong (an outcome that is not
     * one, a DOWN without a failure class, a reading that is not a number), or a judging condition that does not
     * parse. The message names the field. Says nothing about the dependency, so the breaker does not count it; the
     * check still goes DOWN, because a route that cannot say what it saw must not look healthy.
     */
    CONTRACT,
    /** Anything else: a bug or an unexpected exception. The message says what. */
    INTERNAL
}
