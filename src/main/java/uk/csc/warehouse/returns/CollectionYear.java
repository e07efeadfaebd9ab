package uk.csc.warehouse.returns;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A DfE collection year, 1 April to 31 March, written as DfE does: {@code 2025-26}. */
public record CollectionYear(int startYear) {
    private static final Pattern FORM = Pattern.compile("(\\d{4})-(\\d{2})");

    public static CollectionYear parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches() || (Integer.parseInt(m.group(1)) + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException("--year '" + text + "' is not a collection year: write it as 2025-26");
        }
        return new CollectionYear(Integer.parseInt(m.group(1)));
    }

    /** The latest year whose 31 March is on or before {@code asAt}: on 15 June 2026, 2025-26. */
    public static CollectionYear latestClosed(LocalDate asAt) {
        int endYear = asAt.getMonthValue() >= 4 ? asAt.getYear() : asAt.getYear() - 1;
        return new CollectionYear(endYear - 1);
    }

    public LocalDate start() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    /** The year the collection ends in (2026 for 2025-26): what DfE's validators call the collection year. */
    public int endYear() {
        return startYear + 1;
    }

    public CollectionYear previous() {
        return new CollectionYear(startYear - 1);
    }

    @Override
    public String toString() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
