package uk.csc.warehouse.comparators;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.transform.DataTest;
import uk.csc.warehouse.transform.Model;
import uk.csc.warehouse.transform.ModelCatalog;
import uk.csc.warehouse.support.ClasspathFolder;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Takes a newer LAIT data file ({@code bds_long_*.parquet}, DfE's Local Authority Interactive Tool) and
 * makes the warehouse compare with it, without a full rebuild:
 * <ol>
 *   <li>trims it to the measures we map (reference.lait_indicator_map) and writes
 *       {@code DIR/reference/lait_values.csv}; every later build loads that over the repository's seed;</li>
 *   <li>copies the published warehouse, replaces reference.lait_values in the copy, re-runs the comparator
 *       models (sql/marts/comparators/) and their data tests, and renames the copy over the warehouse.</li>
 * </ol>
 * A failed refresh leaves the warehouse as it was.
 */
public final class LaitRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(LaitRefresh.class);
    private static final String MAP = "sql/seeds/lait_indicator_map.csv";

    public record Result(Path csv, long rows, List<String> years, boolean warehouseRefreshed, int models) {
    }

    private LaitRefresh() {}

    /** LAIT measures the map names. */
    public static List<String> measures() throws IOException {
        List<String> m = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(ClasspathFolder.read(MAP))) {
            r.forEach(rec -> m.add(rec.getField("lait_measure")));
        }
        return m;
    }

    /** Writes the mapped measures of {@code parquet} as {@code target}, the shape of sql/seeds/lait_values.csv. */
    public static long trim(Connection c, Path parquet, Path target) throws SQLException, IOException {
        if (!Files.isRegularFile(parquet)) {
            throw new IllegalArgumentException("LAIT file not found: " + parquet);
        }
        String in = measures().stream().map(Sql::literal).collect(Collectors.joining(", "));
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        String sql = """
                copy (
                    select "Short Desc" as lait_measure, cast("Years" as integer) as lait_year,
                        cast("LA Number" as integer) as la_number, "LA and Regions" as lait_area_name,
                        round(try_cast("Values" as double), 9) as value,
                        case when try_cast("Values" as double) is null then "Values" end as symbol
                    from read_parquet(%s)
                    where "Short Desc" in (%s) and regexp_full_match("Years", '[0-9]{4}') and "LA Number" is not null
                    order by 1, 2, 3
                ) to %s (header, delimiter ',')
                """.formatted(Sql.literal(parquet), in, Sql.literal(tmp));
        long rows;
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            try (ResultSet rs = st.executeQuery("select count(*) from read_csv(" + Sql.literal(tmp) + ", header = true)")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        if (rows == 0) {
            Files.deleteIfExists(tmp);
            throw new IllegalArgumentException(parquet + " holds none of the mapped LAIT measures: is it a LAIT bds_long file?");
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return rows;
    }

    public static Result refresh(DataDir dataDir, Path parquet) throws Exception {
        Path csv = dataDir.reference().resolve("lait_values.csv");
        long rows;
        List<String> years = new ArrayList<>();
        try (Connection c = DuckDb.inMemory()) {
            rows = trim(c, parquet, csv);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select distinct lait_year from read_csv("
                    + Sql.literal(csv) + ", header = true) order by 1")) {
                while (rs.next()) {
                    years.add(rs.getString(1));
                }
            }
        }
        LOG.info("wrote {} ({} rows, LAIT years {})", csv, rows, years);
        if (!Files.exists(dataDir.warehouse())) {
            return new Result(csv, rows, years, false, 0);
        }
        Path copy = dataDir.root().resolve("warehouse.duckdb.refreshing");
        Files.copy(dataDir.warehouse(), copy, StandardCopyOption.REPLACE_EXISTING);
        int models = 0;
        try (Connection c = DuckDb.file(copy); Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE reference.lait_values AS SELECT * FROM read_csv(" + Sql.literal(csv)
                    + ", header = true, union_by_name = true)");
            ModelCatalog catalog = ModelCatalog.fromClasspath();
            List<String> names = new ArrayList<>();
            for (Model m : catalog.inBuildOrder()) {
                if (m.resource().startsWith("sql/marts/comparators/")) {
                    st.execute("CREATE OR REPLACE TABLE " + m.qualifiedName() + " AS\n" + m.sql());
                    st.execute("COMMENT ON TABLE " + m.qualifiedName() + " IS " + Sql.literal("Grain: " + m.grain()
                            + (m.definition() == null ? "" : "\n" + m.definition())));
                    for (var col : m.columns().entrySet()) {
                        st.execute("COMMENT ON COLUMN " + m.qualifiedName() + "." + Sql.ident(col.getKey()) + " IS "
                                + Sql.literal(col.getValue()));
                    }
                    names.add(m.qualifiedName());
                    models++;
                }
            }
            for (DataTest t : catalog.tests()) {
                if (names.contains(t.model())) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + t.sql() + ") AS failing")) {
                        rs.next();
                        if (rs.getLong(1) > 0 && t.severity() == DataTest.Severity.ERROR) {
                            throw new IllegalStateException("data test " + t.model() + " " + t.name() + " failed ("
                                    + rs.getLong(1) + " rows); the warehouse is unchanged");
                        }
                    }
                }
            }
            st.execute("CHECKPOINT");
        } catch (Exception e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        Files.move(copy, dataDir.warehouse(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Result(csv, rows, years, true, models);
    }
}
