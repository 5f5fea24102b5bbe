package io.sentinel.provider.postgres;

import io.sentinel.config.CheckOptions;

/** The options every query-running kind has: where to connect and what to ask. */
interface QueryOptions extends CheckOptions {

    PostgresConnection connection();

    ReadOnlyQuery query();
}
