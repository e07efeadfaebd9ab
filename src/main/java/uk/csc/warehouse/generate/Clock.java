package uk.csc.warehouse.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The history window and the extract's value formats, in one place so every table agrees. */
final class Clock {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    final LocalDate asAt;
    final LocalDate windowStart;

    Clock(LocalDate asAt, int years) {
        this.asAt = asAt;
        this.windowStart = asAt.minusYears(years).plusDays(1);
    }

    /** True if the date is known by the extract date; later events have not happened yet. */
    boolean happened(LocalDate date) {
        return date != null && !date.isAfter(asAt);
    }

    /** The value to record for an end date: empty while still open at the extract date. */
    LocalDate endOrOpen(LocalDate end) {
        return happened(end) ? end : null;
    }

    /** Rows about something that ended before the window are history the extract no longer carries. */
    boolean inWindow(LocalDate endOrNull) {
        return endOrNull == null || !endOrNull.isBefore(windowStart);
    }

    static String format(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof LocalDateTime t) {
            return TIMESTAMP.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        if (value instanceof Boolean b) {
            return b ? "Y" : "N";
        }
        return String.valueOf(value);
    }
}
