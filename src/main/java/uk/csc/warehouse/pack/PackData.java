package uk.csc.warehouse.pack;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the pack shows, read from the published warehouse's marts (marts.comparator_values,
 * marts.indicator_values, reference.indicator_catalogue, ops.*). Java only arranges: every figure is a
 * mart's figure, so a test can reconcile the workbook with the warehouse cell by cell. Indicators that
 * do not exist yet simply do not appear; a section with none says so.
 */
public final class PackData {

    public record Authority(String areaCode, Integer laNumber, String name, String regionName, String subregionName) {
        String label() {
            return name == null ? (areaCode == null ? "the authority" : areaCode) : name;
        }
    }

    /** One line of an area's comparison table. */
    public record Row(String code, String area, String title, String unit, String polarity,
                      Double thisYear, Boolean thisYearComplete, Double lastYear,
                      Double published, String publishedPeriod, String comparatorYear,
                      Double england, Double snAverage, int snWithValue, String snWithout, String snModel,
                      Double region, Integer rank, Integer ranked, Integer quartile, Integer localRank,
                      String note, boolean monthlyComparable, String source) {

        public Double change() {
            return thisYear == null || lastYear == null ? null : round1(thisYear - lastYear);
        }

        /** "up, better", "down, worse", "no change", "up" (neutral polarity), "" (nothing to compare). */
        public String changeText() {
            Double c = change();
            if (c == null) {
                return "";
            }
            if (c == 0) {
                return "no change";
            }
            String dir = c > 0 ? "up" : "down";
            boolean partYearCount = Boolean.FALSE.equals(thisYearComplete) && "count".equals(unit);
            if (partYearCount) {
                return dir + " (part year)";
            }
            return switch (polarity == null ? "neutral" : polarity) {
                case "higher_is_better" -> dir + (c > 0 ? ", better" : ", worse");
                case "lower_is_better" -> dir + (c < 0 ? ", better" : ", worse");
                default -> dir;
            };
        }

        /** +1 good, -1 bad, 0 neutral or unknown: drives the colour of the change cell. */
        public int judgement() {
            String t = changeText();
            return t.endsWith("better") ? 1 : t.endsWith("worse") ? -1 : 0;
        }
    }

    public record Month(String code, String label, LocalDate start, Double value, Long numerator, Long denominator,
                        boolean complete) {
    }

    public record Definition(String code, String area, String title, String unit, String polarity, String definition,
                             String laitMeasure, String source, String note) {
    }

    public record Check(String check, String status, String detail) {
    }

    public record Neighbour(int rank, String name, String code, String closeness) {
    }

    public final String year;
    public final String lastYear;
    public final LocalDate asAt;
    public final Authority authority;
    public final List<Section> sections;
    public final Map<String, List<Row>> rowsBySection = new LinkedHashMap<>();
    public final Map<String, List<Month>> monthsByIndicator = new LinkedHashMap<>();
    public final List<Definition> definitions = new ArrayList<>();
    public final List<Check> checks = new ArrayList<>();
    /** Periods before the extract's history is complete are left out of the trends (history_complete = false). */
    boolean hideIncompleteHistory;
    public final List<Neighbour> neighbours = new ArrayList<>();
    public String snModel;

    private PackData(String year, LocalDate asAt, Authority authority, List<Section> sections) {
        this.year = year;
        this.lastYear = previousYear(year);
        this.asAt = asAt;
        this.authority = authority;
        this.sections = sections;
    }

    public static PackData read(Connection c, String year) throws SQLException {
        return read(c, year, false);
    }

    /**
     * @param includeIncompleteHistory also show periods before the case extract's history is complete
     *     (marts.indicator_values history_complete = false), which are otherwise left out of the trends
     */
    public static PackData read(Connection c, String year, boolean includeIncompleteHistory) throws SQLException {
        checkYear(year);
        Set<String> tables = tables(c);
        LocalDate asAt = null;
        if (tables.contains("reference.run_context")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select as_at_date from reference.run_context")) {
                if (rs.next() && rs.getDate(1) != null) {
                    asAt = rs.getDate(1).toLocalDate();
                }
            }
        }
        Authority authority = new Authority(null, null, null, null, null);
        if (tables.contains("marts.comparator_authority")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select area_code, la_number, area_name, region_name, subregion_name from marts.comparator_authority")) {
                if (rs.next()) {
                    authority = new Authority(rs.getString(1), rs.getObject(2) == null ? null : ((Number) rs.getObject(2)).intValue(), rs.getString(3),
                            rs.getString(4), rs.getString(5));
                }
            }
        }
        Set<String> areas = new LinkedHashSet<>();
        if (tables.contains("marts.indicator_values")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select distinct area from marts.indicator_values where area is not null order by 1")) {
                while (rs.next()) {
                    areas.add(rs.getString(1));
                }
            }
        }
        boolean comparators = tables.contains("marts.comparator_values");
        if (comparators) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select distinct area from marts.comparator_values where area is not null order by 1")) {
                while (rs.next()) {
                    areas.add(rs.getString(1));
                }
            }
        }
        PackData d = new PackData(year, asAt, authority, Section.forAreas(areas));
        d.hideIncompleteHistory = !includeIncompleteHistory && tables.contains("marts.indicator_values")
                && hasColumn(c, "indicator_values", "history_complete");
        if (comparators) {
            d.readRows(c, tables);
            d.readNeighbours(c);
        } else {
            d.checks.add(new Check("Comparators", "missing",
                    "marts.comparator_values is not in this warehouse: rebuild it to add published comparators."));
        }
        if (tables.contains("marts.indicator_values")) {
            d.readMonths(c);
        }
        d.readDefinitions(c, tables);
        d.readChecks(c, tables);
        d.readDataQuality(c, tables);
        return d;
    }

    private void readRows(Connection c, Set<String> tables) throws SQLException {
        boolean map = tables.contains("reference.lait_indicator_map");
        // The comparator year: the latest financial year up to the pack's year with a published value for
        // the authority or England (DfE publishes a year's figures months after it ends).
        String sql = """
                with v as (select * from marts.comparator_values where financial_year <= ?),
                comp as (
                    select indicator_code, max(financial_year) as comparator_year from v
                    where published_value is not null or england_value is not null group by 1
                ),
                incomplete as (
                    select indicator_code, period_label as financial_year from marts.indicator_values
                    where period_type = 'financial_year' and %s
                ),
                this_year as (select * from v where financial_year = ?),
                last_year as (select * from v where financial_year = ?),
                codes as (select indicator_code from this_year union select indicator_code from comp)
                select codes.indicator_code,
                    coalesce(t.area, p.area) as area, coalesce(t.title, p.title) as title,
                    coalesce(t.unit, p.unit) as unit, coalesce(t.polarity, p.polarity) as polarity,
                    case when ti.indicator_code is null then t.local_value end as local_value, t.local_is_complete,
                    case when li.indicator_code is null then l.local_value end as last_value,
                    p.published_value, p.published_period, comp.comparator_year, p.england_value, p.sn_average,
                    p.sn_with_value, p.sn_without_value, p.sn_model, p.region_value, p.rank, p.ranked_authorities,
                    p.quartile, t.local_rank, coalesce(t.definition_note, p.definition_note) as note,
                    %s as monthly_comparable, coalesce(t.source_url, p.source_url) as source_url
                from codes
                left join this_year t using (indicator_code)
                left join last_year l using (indicator_code)
                left join incomplete ti on ti.indicator_code = t.indicator_code and ti.financial_year = t.financial_year
                left join incomplete li on li.indicator_code = l.indicator_code and li.financial_year = l.financial_year
                left join comp using (indicator_code)
                left join v p on p.indicator_code = codes.indicator_code and p.financial_year = comp.comparator_year
                %s
                order by area, indicator_code
                """.formatted(hideIncompleteHistory ? "not history_complete" : "false",
                map ? "coalesce(cast(m.monthly_comparable as boolean), false)" : "false",
                map ? "left join reference.lait_indicator_map m on m.indicator_code = codes.indicator_code" : "");
        Map<String, String> sectionOfArea = new LinkedHashMap<>();
        sections.forEach(s -> s.areas().forEach(a -> sectionOfArea.putIfAbsent(a, s.key())));
        sections.forEach(s -> rowsBySection.put(s.key(), new ArrayList<>()));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, year);
            ps.setString(2, year);
            ps.setString(3, lastYear);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row(rs.getString("indicator_code"), rs.getString("area"), rs.getString("title"),
                            rs.getString("unit"), rs.getString("polarity"), dbl(rs, "local_value"),
                            (Boolean) rs.getObject("local_is_complete"), dbl(rs, "last_value"),
                            dbl(rs, "published_value"), rs.getString("published_period"),
                            rs.getString("comparator_year"), dbl(rs, "england_value"), dbl(rs, "sn_average"),
                            rs.getObject("sn_with_value") == null ? 0 : rs.getInt("sn_with_value"),
                            rs.getString("sn_without_value"), rs.getString("sn_model"), dbl(rs, "region_value"),
                            integer(rs, "rank"), integer(rs, "ranked_authorities"), integer(rs, "quartile"),
                            integer(rs, "local_rank"), rs.getString("note"), rs.getBoolean("monthly_comparable"),
                            rs.getString("source_url"));
                    String section = sectionOfArea.get(r.area());
                    if (section != null) {
                        rowsBySection.get(section).add(r);
                    }
                }
            }
        }
        rowsBySection.values().forEach(rows -> rows.sort(java.util.Comparator.comparingInt(PackData::tier)));
    }

    /**
     * Headline first: indicators with the authority's own published figure or a neighbour mean, then those
     * with an England figure only, then local measures; within each, the marts' order (by code).
     */
    static int tier(Row r) {
        return r.published() != null || r.snAverage() != null ? 0 : r.england() != null ? 1 : 2;
    }

    private void readNeighbours(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select sn_model, sn_rank, area_name, area_code, closeness "
                + "from marts.comparator_neighbours where financial_year = (select max(financial_year) from "
                + "marts.comparator_neighbours where financial_year <= ?) order by sn_rank")) {
            ps.setString(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    snModel = rs.getString(1);
                    neighbours.add(new Neighbour(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
    }

    private void readMonths(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select indicator_code, period_label, period_start, value, "
                + "numerator, denominator, is_complete from marts.indicator_values where period_type = 'month' "
                + "and period_start >= ? and period_start <= ? " + (hideIncompleteHistory ? "and history_complete " : "")
                + "order by indicator_code, period_start")) {
            ps.setDate(1, Date.valueOf(yearStart(lastYear)));
            ps.setDate(2, Date.valueOf(yearStart(year).plusYears(1).minusDays(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    monthsByIndicator.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Month(
                            rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), dbl(rs, "value"),
                            lng(rs, "numerator"), lng(rs, "denominator"), rs.getBoolean(7)));
                }
            }
        }
    }

    private void readDefinitions(Connection c, Set<String> tables) throws SQLException {
        boolean catalogue = tables.contains("reference.indicator_catalogue");
        boolean map = tables.contains("reference.lait_indicator_map");
        if (!catalogue && !map) {
            return;
        }
        String sql;
        if (catalogue && map) {
            sql = """
                    select coalesce(c.indicator_code, m.indicator_code), coalesce(c.area, m.area),
                        coalesce(c.title, m.lait_title), coalesce(c.unit, m.unit), coalesce(c.polarity, m.lait_polarity),
                        coalesce(c.definition, 'Published figure only (DfE): ' || m.lait_title), m.lait_measure,
                        m.source_url,
                        case when m.indicator_code is null and %s
                                 then 'England figure from DfE''s national tables; no figure by authority.'
                             when m.indicator_code is null then 'Local measure: no DfE comparator.'
                             when c.indicator_code is null then 'Published only: not yet computed locally.'
                             when not coalesce(cast(c.published_comparable as boolean), false)
                                 then 'Local definition differs from the published one.'
                             else 'Annual figure follows the DfE definition; monthly series is local.' end
                    from reference.indicator_catalogue c
                    full join reference.lait_indicator_map m on m.indicator_code = c.indicator_code
                    order by 2, 1
                    """.formatted(tables.contains("reference.lait_national_values")
                    ? "c.indicator_code in (select indicator_code from reference.lait_national_values)" : "false");
        } else if (catalogue) {
            sql = "select indicator_code, area, title, unit, polarity, definition, null, null, "
                    + "'Local measure.' from reference.indicator_catalogue order by 2, 1";
        } else {
            sql = "select indicator_code, area, lait_title, unit, lait_polarity, 'Published figure only (DfE)', "
                    + "lait_measure, source_url, 'Published only.' from reference.lait_indicator_map order by 2, 1";
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                definitions.add(new Definition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
    }

    private void readChecks(Connection c, Set<String> tables) throws SQLException {
        checks.add(new Check("As-at date", asAt == null ? "unknown" : "ok",
                asAt == null ? "reference.run_context has no as-at date" : "Data as at " + asAt));
        if (authority.laNumber() == null) {
            checks.add(new Check("Authority", "warning", "Authority " + authority.areaCode() + " is not in DfE's "
                    + "LA code list (reference.lait_area_codes): set area_code in DIR/reference/authority.csv"));
        } else {
            checks.add(new Check("Authority", "ok", authority.name() + " (" + authority.areaCode() + ", DfE "
                    + authority.laNumber() + "), region " + authority.regionName()));
        }
        if (tables.contains("ops.data_test_results")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select count(*), count(*) filter (where not passed) from ops.data_test_results")) {
                rs.next();
                checks.add(new Check("Data tests", rs.getLong(2) == 0 ? "ok" : "failed",
                        rs.getLong(1) + " data tests run by the build, " + rs.getLong(2) + " failed"));
            }
        }
        if (tables.contains("ops.extract_snapshot")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select source, count(*), min(extract_date), max(extract_date) from ops.extract_snapshot "
                            + "group by 1 order by 1")) {
                while (rs.next()) {
                    boolean same = rs.getDate(3).equals(rs.getDate(4));
                    checks.add(new Check("Extracts: " + rs.getString(1), same ? "ok" : "warning",
                            rs.getLong(2) + " tables, extract date " + rs.getDate(3)
                                    + (same ? "" : " to " + rs.getDate(4) + " (tables from different days)")));
                }
            }
        }
        List<Row> all = rowsBySection.values().stream().flatMap(List::stream).toList();
        long partYear = all.stream().filter(r -> Boolean.FALSE.equals(r.thisYearComplete())).count();
        if (partYear > 0) {
            checks.add(new Check("Year " + year, "part year", partYear + " indicators are year to date at "
                    + asAt + ": counts are not comparable with a full year"));
        }
        for (Section s : sections) {
            List<Row> rows = rowsBySection.getOrDefault(s.key(), List.of());
            if (rows.isEmpty()) {
                checks.add(new Check(s.title(), "no indicators", "No indicator of this area is built yet."));
                continue;
            }
            for (Row r : rows) {
                if (r.thisYear() == null && r.published() != null) {
                    checks.add(new Check(r.title(), "published only",
                            "No local value for " + year + ": the warehouse does not compute it yet."));
                }
                if (r.comparatorYear() != null && r.snWithValue() < 10 && r.snAverage() != null) {
                    checks.add(new Check(r.title(), "neighbours", "Neighbour average " + r.comparatorYear() + " from "
                            + r.snWithValue() + " of 10 neighbours; no value for " + r.snWithout()));
                }
            }
        }
        if (tables.contains("marts.comparator_values")) {
            // Where the year is complete and published, the local figure should be close to DfE's.
            try (PreparedStatement ps = c.prepareStatement("select title, financial_year, local_value, published_value "
                    + "from marts.comparator_values where local_is_complete and local_value is not null "
                    + "and published_value is not null and financial_year in (?, ?) and published_period = financial_year "
                    + "and abs(local_value - published_value) > greatest(0.05 * abs(published_value), 0.5) "
                    + "order by area, indicator_code, financial_year")) {
                ps.setString(1, lastYear);
                ps.setString(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        checks.add(new Check(rs.getString(1), "local vs published", rs.getString(2) + ": local "
                                + fmt(dbl(rs, "local_value")) + ", published " + fmt(dbl(rs, "published_value"))
                                + " (more than 5% apart: check the definition or later corrections)"));
                    }
                }
            }
        }
    }

    /** True when every local value of the pack's year is for the complete year (the year has closed). */
    public boolean yearComplete() {
        return rowsBySection.values().stream().flatMap(List::stream)
                .noneMatch(r -> r.thisYear() != null && !Boolean.TRUE.equals(r.thisYearComplete()));
    }

    /** "This year" once the year has closed, "This year to date" while it is in progress. */
    public String thisYearHeading() {
        return yearComplete() ? "This year" : "This year to date";
    }

    public List<Row> rows(Section s) {
        return rowsBySection.getOrDefault(s.key(), List.of());
    }

    /** Months of the pack's year and the year before, for one indicator, in order. */
    public List<Month> months(String code) {
        return monthsByIndicator.getOrDefault(code, List.of());
    }

    public static String previousYear(String year) {
        int start = Integer.parseInt(year.substring(0, 4)) - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    public static LocalDate yearStart(String year) {
        return LocalDate.of(Integer.parseInt(year.substring(0, 4)), 4, 1);
    }

    public static void checkYear(String year) {
        if (year == null || !year.matches("\\d{4}-\\d{2}")
                || (Integer.parseInt(year.substring(0, 4)) + 1) % 100 != Integer.parseInt(year.substring(5))) {
            throw new IllegalArgumentException("year must be a financial year like 2024-25, not " + year);
        }
    }

    static String fmt(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", v.longValue()) : String.format("%,.1f", v);
    }

    static Double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    /**
     * The data-quality page: how far back the extract's history is complete, then the open issues of each
     * data-quality rule at the latest build (marts.data_quality_summary), with the month-on-month trend.
     */
    private void readDataQuality(Connection c, Set<String> tables) throws SQLException {
        if (tables.contains("intermediate.int_extract_history_window")) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select history_complete_from, reason from intermediate.int_extract_history_window")) {
                if (rs.next() && rs.getDate(1) != null) {
                    checks.add(new Check("History complete from", rs.getDate(1).toString(), "Figures for periods "
                            + "starting earlier are incomplete: " + rs.getString(2) + ". "
                            + (hideIncompleteHistory ? "They are left out of this pack's trends and comparisons "
                                    + "(pack --include-incomplete-history shows them)."
                                    : "They are shown in this pack, as asked (--include-incomplete-history).")));
                }
            }
        }
        if (!tables.contains("marts.data_quality_summary")) {
            return;
        }
        String sql = """
                with latest as (select max(month) as month from marts.data_quality_summary),
                by_rule as (
                    select s.rule_code, sum(s.open_issues) as open_issues, sum(s.previous_open_issues) as previous,
                        any_value(s.previous_month) as previous_month
                    from marts.data_quality_summary s join latest using (month) group by s.rule_code
                )
                select r.rule_code, r.severity, r.message, coalesce(b.open_issues, 0) as open_issues, b.previous,
                    b.previous_month, concat_ws('; ', nullif(r.annex_a, ''), nullif(r.ssda903, ''),
                    nullif(r.cin_census, ''), nullif(r.indicator, '')) as spoils
                from reference.data_quality_rules r left join by_rule b using (rule_code)
                order by open_issues desc, r.rule_code
                """;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long open = rs.getLong("open_issues");
                Object previous = rs.getObject("previous");
                String trend = previous == null ? "" : ", " + ((Number) previous).longValue() + " at the end of "
                        + rs.getString("previous_month");
                checks.add(new Check("Data quality: " + rs.getString("rule_code"),
                        open == 0 ? "ok" : open + " open (" + rs.getString("severity") + ")",
                        rs.getString("message") + trend + ". Spoils: " + rs.getString("spoils")
                                + ". The records, child and team: marts.data_quality_issues."));
            }
        }
    }

    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from duckdb_columns() where schema_name = "
                + "'marts' and table_name = ? and column_name = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select schema_name || '.' || table_name from duckdb_tables() union all "
                        + "select schema_name || '.' || view_name from duckdb_views()")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static Double dbl(ResultSet rs, String col) throws SQLException {
        Object o = rs.getObject(col);
        return o == null ? null : ((Number) o).doubleValue();
    }

    static Long lng(ResultSet rs, String col) throws SQLException {
        Object o = rs.getObject(col);
        return o == null ? null : ((Number) o).longValue();
    }

    static Integer integer(ResultSet rs, String col) throws SQLException {
        Object o = rs.getObject(col);
        return o == null ? null : ((Number) o).intValue();
    }

    /** Indicator codes of a section that have a monthly series: the charted ("key") indicators. */
    public List<Row> charted(Section s) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows(s)) {
            if (months(r.code()).stream().anyMatch(m -> m.value() != null)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Areas present, for listing. */
    public Map<String, Integer> indicatorCounts() {
        Map<String, Integer> m = new TreeMap<>();
        rowsBySection.forEach((k, v) -> m.put(k, v.size()));
        return m;
    }
}
