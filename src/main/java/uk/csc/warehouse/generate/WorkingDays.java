package uk.csc.warehouse.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Set;

/**
 * Mon-Fri less England's regular bank holidays (with substitute days), so simulated timescales such as
 * "45 working days" land where the warehouse will measure them. One-off holidays (jubilees, coronation)
 * are not modelled; the warehouse uses the real gov.uk list.
 */
final class WorkingDays {
    private final Set<LocalDate> holidays = new HashSet<>();
    private int firstYear = Integer.MAX_VALUE;
    private int lastYear = Integer.MIN_VALUE;

    boolean isWorkingDay(LocalDate d) {
        DayOfWeek dow = d.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        ensureYear(d.getYear());
        return !holidays.contains(d);
    }

    /** The date {@code n} working days after {@code start} (n = 0 gives start itself). */
    LocalDate plus(LocalDate start, int n) {
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code d} if it is a working day, else the next working day after it. */
    LocalDate onOrAfter(LocalDate d) {
        LocalDate x = d;
        while (!isWorkingDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    /** {@code d} if it is a working day, else the last working day before it. */
    LocalDate onOrBefore(LocalDate d) {
        LocalDate x = d;
        while (!isWorkingDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    private void ensureYear(int year) {
        if (year >= firstYear && year <= lastYear) {
            return;
        }
        for (int y = Math.min(year, firstYear == Integer.MAX_VALUE ? year : firstYear);
             y <= Math.max(year, lastYear == Integer.MIN_VALUE ? year : lastYear); y++) {
            addYear(y);
        }
        firstYear = Math.min(firstYear, year);
        lastYear = Math.max(lastYear, year);
    }

    private void addYear(int y) {
        holidays.add(weekdayOnOrAfter(LocalDate.of(y, 1, 1)));
        LocalDate easter = easterSunday(y);
        holidays.add(easter.minusDays(2));
        holidays.add(easter.plusDays(1));
        holidays.add(LocalDate.of(y, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(y, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        holidays.add(LocalDate.of(y, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = weekdayOnOrAfter(LocalDate.of(y, 12, 25));
        holidays.add(christmas);
        holidays.add(weekdayOnOrAfter(christmas.plusDays(1)));
    }

    private static LocalDate weekdayOnOrAfter(LocalDate d) {
        LocalDate x = d;
        while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
            x = x.plusDays(1);
        }
        return x;
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int y) {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(y, month, day);
    }
}
