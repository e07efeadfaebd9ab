package uk.csc.warehouse.ingest.pull;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.function.LongConsumer;

/**
 * Streams a result set to CSV one row at a time (RFC 4180 via FastCSV: fields holding a comma, a quote or a
 * line break are quoted, quotes doubled). The header is the column labels exactly as the database gives them.
 * Dates are ISO ({@code 2024-03-31}), date-times {@code 2024-03-31 14:05:00[.123]}, booleans/bits 1 or 0,
 * decimals in plain notation; NULL is an empty field. Nothing here keeps more than the current row.
 */
final class ResultSetCsv {
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter DATE_TIME_OFFSET = new DateTimeFormatterBuilder()
            .append(DATE_TIME).appendOffset("+HH:MM", "+00:00").toFormatter();

    private ResultSetCsv() {}

    /** Writes header and rows; returns the number of data rows. {@code afterRow} sees the running count. */
    static long write(ResultSet rs, Writer out, LongConsumer afterRow) throws SQLException, IOException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        int[] types = new int[n];
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            types[i] = md.getColumnType(i + 1);
            header[i] = md.getColumnLabel(i + 1);
        }
        long rows = 0;
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
        csv.writeRecord(header);
        String[] row = new String[n];
        while (rs.next()) {
            for (int i = 0; i < n; i++) {
                row[i] = text(rs, i + 1, types[i]);
            }
            csv.writeRecord(row);
            afterRow.accept(++rows);
        }
        csv.flush();
        return rows;
    }

    static String text(ResultSet rs, int col, int type) throws SQLException {
        switch (type) {
            case Types.DATE: {
                java.sql.Date d = rs.getDate(col);
                return d == null ? null : d.toLocalDate().toString();
            }
            case Types.TIMESTAMP: {
                Timestamp t = rs.getTimestamp(col);
                return t == null ? null : DATE_TIME.format(t.toLocalDateTime());
            }
            case Types.TIMESTAMP_WITH_TIMEZONE: {
                OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
                return t == null ? null : DATE_TIME_OFFSET.format(t);
            }
            case Types.TIME: {
                java.sql.Time t = rs.getTime(col);
                return t == null ? null : t.toLocalTime().toString();
            }
            case Types.BIT:
            case Types.BOOLEAN: {
                boolean b = rs.getBoolean(col);
                return rs.wasNull() ? null : (b ? "1" : "0");
            }
            case Types.DECIMAL:
            case Types.NUMERIC: {
                BigDecimal d = rs.getBigDecimal(col);
                return d == null ? null : d.toPlainString();
            }
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB: {
                byte[] b = rs.getBytes(col);
                return b == null ? null : Base64.getEncoder().encodeToString(b);
            }
            default:
                return rs.getString(col);
        }
    }
}
