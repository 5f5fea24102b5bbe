package io.sentinel.probe;

/** Why a probe failed, as precisely as the response allows. */
public enum FailureClass {
    /** Credentials rejected (401/403, {@code auth_failure}, {@code REQUEST_DENIED}). */
    AUTH,
    /** A periodic allowance (monthly searches, credits, usage cap) is exhausted. */
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
    /** Anything else: a bug or an unexpected exception. The message says what. */
    INTERNAL
}
