package uk.csc.warehouse.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** Fire times of a job's crons, computed without a running scheduler (for {@code status} and start-up catch-up). */
public final class CronSchedule {
    private final List<CronExpression> crons = new ArrayList<>();

    public CronSchedule(List<String> expressions, ZoneId zone) {
        for (String e : expressions) {
            try {
                CronExpression c = new CronExpression(e);
                c.setTimeZone(TimeZone.getTimeZone(zone));
                crons.add(c);
            } catch (ParseException ex) {
                throw new IllegalArgumentException("not a Quartz cron: '" + e + "' (" + ex.getMessage() + ")");
            }
        }
    }

    public boolean isEmpty() {
        return crons.isEmpty();
    }

    public Optional<Instant> nextAfter(Instant t) {
        Instant best = null;
        for (CronExpression c : crons) {
            Date d = c.getNextValidTimeAfter(Date.from(t));
            if (d != null && (best == null || d.toInstant().isBefore(best))) {
                best = d.toInstant();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The latest fire strictly before {@code t}, looking back at most {@code lookback}. Quartz has no "time
     * before", so widen a window backwards (2 s, 4 s, ...) until it holds a fire, then walk it forwards.
     */
    public Optional<Instant> lastBefore(Instant t, Duration lookback) {
        for (Duration window = Duration.ofSeconds(2); ; window = window.multipliedBy(2)) {
            Duration w = window.compareTo(lookback) > 0 ? lookback : window;
            Instant last = null;
            Instant cursor = t.minus(w).minusMillis(1);
            while (true) {
                Optional<Instant> next = nextAfter(cursor);
                if (next.isEmpty() || !next.get().isBefore(t)) {
                    break;
                }
                last = next.get();
                cursor = last;
            }
            if (last != null) {
                return Optional.of(last);
            }
            if (w.equals(lookback)) {
                return Optional.empty();
            }
        }
    }
}
