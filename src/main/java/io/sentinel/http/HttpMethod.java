package io.sentinel.http;

/** The request methods a probe may send; CONNECT and TRACE have no place in health checks. */
public enum HttpMethod {
    GET,
    HEAD,
    POST,
    PUT,
    PATCH,
    DELETE,
    OPTIONS
}
