package io.sentinel.provider.postgres;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * What a metric query returned: one finite number, or why there is none. A query that stops returning the
 * number it used to (a renamed column, an empty table) is a SCHEMA failure, never a silent zero.
 */
sealed interface MetricValue {

    /** Two rows are enough to tell "one row" from "more than one". */
    int ROWS_NEEDED = 2;

    Set<Integer> NUMERIC_TYPES = Set.of(Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT,
            Types.SMALLINT, Types.TINYINT, Types.REAL, Types.FLOAT, Types.DOUBLE);

    /** The query answered with a number. */
    record Number(double value) implements MetricValue {

        /** Six significant digits: enough for a rate or a cost, short enough for an alert. */
        String formatted() {
            return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
    }

    /** The query answered, but not with one number. */
    record Missing(String reason) implements MetricValue {
    }

    static MetricValue read(ResultSet rows) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        if (columns.getColumnCount() != 1) {
            return new Missing("query returned " + columns.getColumnCount() + " columns; a metric needs exactly one number");
        }
        if (!NUMERIC_TYPES.contains(columns.getColumnType(1))) {
            return new Missing("query returned " + columns.getColumnTypeName(1).toLowerCase(Locale.ROOT)
                    + " column '" + columns.getColumnLabel(1) + "', not a number (cast it, e.g. ::numeric)");
        }
        if (!rows.next()) {
            return new Missing("query returned no number (no row)");
        }
        double value = rows.getDouble(1);
        if (rows.wasNull()) {
            return new Missing("query returned no number (NULL)");
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return new Missing("query returned " + value + ", not a finite number");
        }
        if (rows.next()) {
            return new Missing("query returned more than one row; a metric needs exactly one");
        }
        return new Number(value);
    }
}
