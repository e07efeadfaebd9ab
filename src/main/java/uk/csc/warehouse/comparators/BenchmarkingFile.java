package uk.csc.warehouse.comparators;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The outbound benchmarking file for a regional group (e.g. London's): the authority's own indicator values
 * for one financial year, by month and for the year, as aggregates only: indicator, period, numerator,
 * denominator, value. No child-level row and no identifier of a person can be in it: it is built from
 * marts.indicator_values alone. Counts of 1 to 5 and everything that would reveal them are suppressed as
 * {@code c} ({@link Suppression}); percentages and rates are given to 1 decimal place as DfE's CIN tables do.
 */
public final class BenchmarkingFile {
    public static final List<String> HEADER = List.of("area_code", "area_name", "indicator_code", "title", "unit",
            "period_type", "period_label", "is_complete", "numerator", "denominator", "value");

    /** One indicator's values for one period. */
    public record Point(String periodType, String periodLabel, boolean complete, Long numerator, Long denominator,
                        Double value) {
    }

    public record Series(String code, String title, String unit, List<Point> points) {
    }

    /** One line of the file, as text: suppressed cells hold {@code c}, empty cells are not applicable. */
    public record Line(String code, String title, String unit, String periodType, String periodLabel, boolean complete,
                       String numerator, String denominator, String value) {
    }

    private BenchmarkingFile() {}

    /** True when the warehouse marks periods whose history is incomplete (built since issue 17). */
    static boolean hasHistoryFlag(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from duckdb_columns() "
                + "where schema_name = 'marts' and table_name = 'indicator_values' and column_name = 'history_complete'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    public static List<Series> read(Connection c, String year) throws SQLException {
        return read(c, year, false);
    }

    /** @param hideIncompleteHistory leave out periods before the case extract's history is complete */
    public static List<Series> read(Connection c, String year, boolean hideIncompleteHistory) throws SQLException {
        Map<String, Series> series = new LinkedHashMap<>();
        String sql = """
                select v.indicator_code, coalesce(cat.title, v.indicator_code) as title, v.unit, v.period_type,
                    v.period_label, v.is_complete, v.numerator, v.denominator, v.value
                from marts.indicator_values v
                left join reference.indicator_catalogue cat using (indicator_code)
                where ((v.period_type = 'financial_year' and v.period_label = ?)
                   or (v.period_type = 'month' and v.period_start >= ? and v.period_start < ?))
                   %s
                order by v.area, v.indicator_code, v.period_type desc, v.period_start
                """.formatted(hideIncompleteHistory ? "and v.history_complete" : "");
        int start = Integer.parseInt(year.substring(0, 4));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, year);
            ps.setDate(2, java.sql.Date.valueOf(start + "-04-01"));
            ps.setDate(3, java.sql.Date.valueOf((start + 1) + "-04-01"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    Series s = series.computeIfAbsent(code, k -> {
                        try {
                            return new Series(k, rs.getString(2), rs.getString(3), new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Object n = rs.getObject(7);
                    Object d = rs.getObject(8);
                    Object v = rs.getObject(9);
                    s.points().add(new Point(rs.getString(4), rs.getString(5), rs.getBoolean(6),
                            n == null ? null : ((Number) n).longValue(), d == null ? null : ((Number) d).longValue(),
                            v == null ? null : ((Number) v).doubleValue()));
                }
            }
        }
        return new ArrayList<>(series.values());
    }

    /** Applies suppression and returns the file's lines (year row first, then the months, per indicator). */
    public static List<Line> suppress(List<Series> series) {
        Suppression sc = new Suppression();
        // 1. every count is a quantity: (indicator, N|D, period)
        for (Series s : series) {
            for (Point p : s.points()) {
                if (p.numerator() != null) {
                    sc.quantity(key(s, "N", p), p.numerator());
                }
                if (p.denominator() != null) {
                    sc.quantity(key(s, "D", p), p.denominator());
                }
                if (p.numerator() == null && "count".equals(s.unit()) && p.value() != null) {
                    sc.quantity(key(s, "N", p), Math.round(p.value()));
                }
            }
        }
        // 2. series that are the same quantity (equal in every period) are linked
        Map<List<Object>, String> firstSeries = new LinkedHashMap<>();
        for (Series s : series) {
            for (String term : List.of("N", "D")) {
                List<Object> signature = signature(s, term);
                if (signature == null) {
                    continue;
                }
                String other = firstSeries.putIfAbsent(signature, s.code() + "|" + term);
                if (other != null) {
                    String[] o = other.split("\\|");
                    for (Point p : s.points()) {
                        sc.link(key(s, term, p), o[0] + "|" + o[1] + "|" + p.periodType() + "|" + p.periodLabel());
                    }
                }
            }
        }
        // 3. where the months add up to the year in the file, that is a published total
        for (Series s : series) {
            Point year = s.points().stream().filter(p -> "financial_year".equals(p.periodType())).findFirst().orElse(null);
            List<Point> months = s.points().stream().filter(p -> "month".equals(p.periodType())).toList();
            if (year == null || months.isEmpty()) {
                continue;
            }
            for (String term : List.of("N", "D")) {
                Long total = term.equals("N") ? count(s, year) : year.denominator();
                if (total == null || months.stream().anyMatch(m -> (term.equals("N") ? count(s, m) : m.denominator()) == null)) {
                    continue;
                }
                long sum = months.stream().mapToLong(m -> term.equals("N") ? count(s, m) : m.denominator()).sum();
                if (sum == total) {
                    sc.sum(key(s, term, year), months.stream().map(m -> (Object) key(s, term, m)).toList());
                }
            }
        }
        // 4. a breakdown: counts whose codes differ in one word (CP plans by initial category:
        //    cpp_31mar_initial_cat_neglect_count, ..._emotional_count...) and that add up, in every period,
        //    to another count in the file (cpp_count_31mar): a lone small category could otherwise be worked
        //    out as the total minus the other categories, so each period's parts and total form a sum too
        for (List<Series> parts : breakdowns(series)) {
            for (Series total : series) {
                for (String term : List.of("N", "D")) {
                    if (parts.contains(total) || !addsUp(parts, total, term)) {
                        continue;
                    }
                    for (Point p : total.points()) {
                        sc.sum(key(total, term, p), parts.stream().map(x -> (Object) key(x, "N", point(x, p))).toList());
                    }
                }
            }
        }
        sc.apply();
        List<Line> lines = new ArrayList<>();
        for (Series s : series) {
            for (Point p : s.points()) {
                Suppression.Quantity n = sc.get(key(s, "N", p));
                Suppression.Quantity d = sc.get(key(s, "D", p));
                String value;
                if (p.value() == null) {
                    value = "";
                } else if ("count".equals(s.unit())) {
                    value = n != null && n.suppressed() ? Suppression.SYMBOL : format(p.value(), s.unit());
                } else {
                    value = Suppression.derivedSuppressed(n, d) ? Suppression.SYMBOL : format(p.value(), s.unit());
                }
                lines.add(new Line(s.code(), s.title(), s.unit(), p.periodType(), p.periodLabel(), p.complete(),
                        n == null ? "" : n.suppressed() ? Suppression.SYMBOL : Long.toString(n.value()),
                        d == null ? "" : d.suppressed() ? Suppression.SYMBOL : Long.toString(d.value()), value));
            }
        }
        return lines;
    }

    public static long write(List<Line> lines, String areaCode, String areaName, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
            csv.writeRecord(HEADER);
            for (Line l : lines) {
                csv.writeRecord(safe(areaCode), safe(areaName), safe(l.code()), safe(l.title()), safe(l.unit()),
                        l.periodType(), l.periodLabel(), Boolean.toString(l.complete()), l.numerator(), l.denominator(),
                        l.value());
            }
            csv.flush();
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return lines.size();
    }

    static String safe(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** Groups of two or more count series whose codes differ in exactly one underscore-separated word. */
    static List<List<Series>> breakdowns(List<Series> series) {
        Map<String, List<Series>> groups = new LinkedHashMap<>();
        for (Series s : series) {
            if (!"count".equals(s.unit())) {
                continue;
            }
            String[] words = s.code().split("_");
            for (int i = 0; i < words.length; i++) {
                String[] w = words.clone();
                w[i] = "*";
                groups.computeIfAbsent(String.join("_", w), k -> new ArrayList<>()).add(s);
            }
        }
        return groups.values().stream().filter(g -> g.size() >= 2).toList();
    }

    /** The parts' counts add up to the total's term in every period of the total, and every part has them. */
    static boolean addsUp(List<Series> parts, Series total, String term) {
        boolean any = false;
        for (Point p : total.points()) {
            Long t = term.equals("N") ? count(total, p) : p.denominator();
            if (t == null) {
                return false;
            }
            long sum = 0;
            for (Series x : parts) {
                Point q = point(x, p);
                Long v = q == null ? null : count(x, q);
                if (v == null) {
                    return false;
                }
                sum += v;
            }
            if (sum != t) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The series' point for the same period as {@code like}, or null. */
    static Point point(Series s, Point like) {
        for (Point p : s.points()) {
            if (p.periodType().equals(like.periodType()) && p.periodLabel().equals(like.periodLabel())) {
                return p;
            }
        }
        return null;
    }

    private static Long count(Series s, Point p) {
        if (p.numerator() != null) {
            return p.numerator();
        }
        return "count".equals(s.unit()) && p.value() != null ? Math.round(p.value()) : null;
    }

    private static List<Object> signature(Series s, String term) {
        List<Object> sig = new ArrayList<>();
        for (Point p : s.points()) {
            Long v = term.equals("N") ? count(s, p) : p.denominator();
            if (v == null) {
                return null;
            }
            sig.add(p.periodType() + "|" + p.periodLabel() + "=" + v);
        }
        return sig.size() < 2 ? null : sig;
    }

    static String key(Series s, String term, Point p) {
        return s.code() + "|" + term + "|" + p.periodType() + "|" + p.periodLabel();
    }

    static String format(double v, String unit) {
        if ("count".equals(unit) && v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
