package io.sentinel.provider.supabase;

import io.sentinel.config.CheckOptions;
import java.util.Objects;

/**
 * The options of a {@code supabase-auth} check: only the project.
 *
 * @param project where the project is and its anon or publishable key
 */
public record SupabaseAuthOptions(SupabaseProject project) implements CheckOptions {

    public SupabaseAuthOptions {
        Objects.requireNonNull(project, "project");
    }
}
