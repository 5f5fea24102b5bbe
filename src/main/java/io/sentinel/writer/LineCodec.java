package io.sentinel.writer;

import java.util.Objects;
import java.util.function.Function;

/**
 * How an item becomes one line of a {@link Spool} and back.
 *
 * @param <T> what is spooled
 */
public interface LineCodec<T> {

    /** One line, without a line break. */
    String toLine(T item);

    /** @throws RuntimeException when the line is not a whole item (a last line torn by a crash) */
    T fromLine(String line);

    static <T> LineCodec<T> of(Function<T, String> toLine, Function<String, T> fromLine) {
        Objects.requireNonNull(toLine, "toLine");
        Objects.requireNonNull(fromLine, "fromLine");
        return new LineCodec<>() {
            @Override
            public String toLine(T item) {
                return toLine.apply(item);
            }

            @Override
            public T fromLine(String line) {
                return fromLine.apply(line);
            }
        };
    }
}
