package uk.csc.warehouse.comparators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.output.SafeCsvWriter;
import uk.csc.warehouse.pack.PackData;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Comparator files for a financial year, in {@code DIR/out/comparators/<year>/}: {@code comparators_long.csv}
 * (every indicator, every year up to the one asked for), one {@code comparators_<area>.csv} per area, and
 * the suppressed outbound {@code benchmarking_<area code>_<year>.csv} for a regional benchmarking group.
 * All figures come from marts.comparator_values / comparator_neighbour_values; CSVs are Excel-safe
 * (SafeCsvWriter) and written atomically.
 */
public final class ComparatorFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ComparatorFiles.class);

    public record Result(Path folder, Map<Path, Long> files) {
    }

    private ComparatorFiles() {}

    public static Path folder(DataDir dataDir, String year) {
        return dataDir.out().resolve("comparators").resolve(year);
    }

    /** One row per indicator and year up to {@code year}: local, published, England, region, neighbours, rank. */
    public static String query(String year, String area) {
        return query(year, area, false);
    }

    /**
     * @param hideIncompleteHistory blank the local value of a year before the case extract's history is complete
     *     (marts.indicator_values history_complete = false); published figures stay
     */
    public static String query(String year, String area, boolean hideIncompleteHistory) {
        String neighbours = IntStream.rangeClosed(1, 10).mapToObj(i -> String.format(
                "max(case when n.sn_rank = %d then n.area_name end) as sn_%02d_name, "
                        + "max(case when n.sn_rank = %d then n.value end) as sn_%02d_value", i, i, i, i))
                .collect(Collectors.joining(",\n    "));
        return """
                with incomplete as (
                    select indicator_code, period_label as financial_year from marts.indicator_values
                    where period_type = 'financial_year' and %s
                ),
                sn as (
                    select n.indicator_code, n.financial_year,
                    %s
                    from marts.comparator_neighbour_values n group by all
                )
                select v.indicator_code, v.area, v.title, v.unit, v.polarity, v.financial_year, v.published_period,
                    case when hi.indicator_code is null then v.local_value end as local_value,
                    case when hi.indicator_code is null then v.local_numerator end as local_numerator,
                    case when hi.indicator_code is null then v.local_denominator end as local_denominator,
                    v.local_is_complete,
                    v.published_value, v.england_value, v.region_value, v.subregion_value,
                    v.sn_model, v.sn_average, v.sn_with_value, v.sn_without_value,
                    v.rank, v.ranked_authorities, v.quartile,
                    case when hi.indicator_code is null then v.local_rank end as local_rank,
                    sn.* exclude (indicator_code, financial_year),
                    v.definition_note, v.source_url
                from marts.comparator_values v
                left join sn using (indicator_code, financial_year)
                left join incomplete hi on hi.indicator_code = v.indicator_code and hi.financial_year = v.financial_year
                where v.financial_year <= %s %s
                order by v.area, v.indicator_code, v.financial_year
                """.formatted(hideIncompleteHistory ? "not history_complete" : "false", neighbours, Sql.literal(year), area == null ? "" : "and v.area = " + Sql.literal(area));
    }

    public static Result write(DataDir dataDir, String year) throws Exception {
        return write(dataDir, year, false);
    }

    /** @param includeIncompleteHistory also give local values of periods before the extract's history is complete */
    public static Result write(DataDir dataDir, String year, boolean includeIncompleteHistory) throws Exception {
        PackData.checkYear(year);
        Path folder = folder(dataDir, year);
        Files.createDirectories(folder);
        Map<Path, Long> files = new LinkedHashMap<>();
        try (Connection c = DuckDb.readOnly(dataDir.warehouse())) {
            boolean hide = !includeIncompleteHistory && BenchmarkingFile.hasHistoryFlag(c);
            files.put(folder.resolve("comparators_long.csv"),
                    SafeCsvWriter.write(c, query(year, null, hide), folder.resolve("comparators_long.csv")));
            for (String area : areas(c)) {
                Path f = folder.resolve("comparators_" + area.replaceAll("[^a-z0-9_]", "_") + ".csv");
                files.put(f, SafeCsvWriter.write(c, query(year, area, hide), f));
            }
            String code = "authority";
            String name = "";
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select area_code, area_name from marts.comparator_authority")) {
                if (rs.next() && rs.getString(1) != null) {
                    code = rs.getString(1);
                    name = rs.getString(2) == null ? "" : rs.getString(2);
                }
            }
            List<BenchmarkingFile.Line> lines = BenchmarkingFile.suppress(BenchmarkingFile.read(c, year, hide));
            Path bench = folder.resolve("benchmarking_" + code.replaceAll("[^A-Za-z0-9]", "") + "_" + year + ".csv");
            files.put(bench, BenchmarkingFile.write(lines, code, name, bench));
        }
        files.forEach((f, n) -> LOG.info("wrote {} ({} rows)", f, n));
        return new Result(folder, files);
    }

    private static List<String> areas(Connection c) throws SQLException {
        List<String> areas = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select distinct area from marts.comparator_values where area is not null order by 1")) {
            while (rs.next()) {
                areas.add(rs.getString(1));
            }
        }
        return areas;
    }
}
