package io.sentinel.config;

/** The kind-specific part of a check (URL and conditions for {@code http}, the account endpoint for {@code hunter} …). */
public interface CheckOptions {
}
