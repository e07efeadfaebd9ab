package uk.csc.warehouse.transform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import uk.csc.warehouse.support.ClasspathFolder;
import uk.csc.warehouse.support.Sql;

/**
 * Loads reference tables kept as data: the project's seeds ({@code sql/seeds/*.csv}: bank holidays,
 * indicator settings…) and the authority's own ({@code <data-dir>/reference/*.csv}: its ONS population
 * of children aged 0-17), each into {@code reference.<file name>}. The authority's file wins on a clash.
 * A seed folder ({@code sql/seeds/<table>/*.csv}) is one table in several files, so each indicator area
 * keeps its own rows of, say, the indicator catalogue.
 */
final class ReferenceData {
    /** The authority's own reference file the marts cannot do without, and the columns it must have. */
    static final String POPULATION = "population_0_17";
    static final List<String> POPULATION_COLUMNS = List.of("area_code", "financial_year", "population_0_17");

    private ReferenceData() {}

    static void load(Connection c, Path authorityReference, Path scratch) throws SQLException, IOException {
        Path seeds = scratch.resolve("seeds");
        Files.createDirectories(seeds);
        for (String resource : ClasspathFolder.list("sql/seeds", ".csv")) {
            // sql/seeds/x.csv -> seeds/x.csv ; sql/seeds/x/part.csv -> seeds/x/part.csv
            Path copy = seeds.resolve(resource.substring("sql/seeds/".length()));
            Files.createDirectories(copy.getParent());
            try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<String, Path> seedTables = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(seeds)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isDirectory(entry)) {
                    seedTables.put(entry.getFileName().toString(), entry.resolve("*.csv"));
                } else if (entry.toString().endsWith(".csv")) {
                    seedTables.put(table(entry), entry);
                }
            }
        }
        Map<String, Path> authorityTables = new LinkedHashMap<>();
        if (Files.isDirectory(authorityReference)) {
            try (Stream<Path> files = Files.list(authorityReference)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    authorityTables.put(table(f), f);
                }
            }
        }
        // the authority's file wins: its table replaces the seed's, so the seed of that name is not loaded at all
        authorityTables.keySet().forEach(seedTables::remove);
        seedTables.putAll(authorityTables);
        loadConcurrently(c, seedTables);
        requirePopulation(c, authorityReference);
    }

    /**
     * Each table on a connection of its own, a few at a time: most of a seed's cost is DuckDB sniffing and
     * parsing one small CSV on one thread, so loading them side by side uses the cores the build has.
     */
    private static void loadConcurrently(Connection c, Map<String, Path> tables) throws SQLException {
        int workers = Math.max(1, Math.min(tables.size(), Runtime.getRuntime().availableProcessors() + 1));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "reference-load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> loads = new ArrayList<>();
            DuckDBConnection db = c.unwrap(DuckDBConnection.class);
            for (Map.Entry<String, Path> t : tables.entrySet()) {
                loads.add(pool.submit(() -> {
                    try (Connection own = db.duplicate()) {
                        loadCsv(own, t.getKey(), t.getValue());
                    }
                    return null;
                }));
            }
            for (Future<?> load : loads) {
                try {
                    load.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException s) {
                        throw s;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("loading the reference data was interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String table(Path csv) {
        return csv.getFileName().toString().replaceFirst("\\.csv$", "");
    }

    /** Rates per 10,000 children need the population; say which file and what shape, not DuckDB's Catalog Error. */
    private static void requirePopulation(Connection c, Path authorityReference) throws SQLException {
        Path file = authorityReference.resolve(POPULATION + ".csv");
        String shape = "a CSV with the header " + String.join(",", POPULATION_COLUMNS) + " and one row per financial"
                + " year, e.g. E09000028,2024-25,63210 (the ONS mid-year estimate of children aged 0-17)";
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'reference' AND table_name = ?")) {
            ps.setString(1, POPULATION);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new BuildFailed(file + " is missing: the rates per 10,000 children need it; put there " + shape
                    + " (generate and demo write one for a synthetic authority)");
        }
        List<String> missing = POPULATION_COLUMNS.stream().filter(col -> !columns.contains(col)).toList();
        if (!missing.isEmpty()) {
            throw new BuildFailed(file + " has no column " + String.join(", ", missing) + ": it must be " + shape);
        }
    }

    private static void loadCsv(Connection c, String table, Path csvOrGlob) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE reference." + Sql.ident(table) + " AS SELECT * FROM read_csv("
                    + Sql.literal(csvOrGlob) + ", header = true, union_by_name = true)");
        }
    }
}
