package uk.csc.warehouse.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import uk.csc.warehouse.transform.WarehouseBuilder;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * A real data directory in a temp folder, filled from a hand-built cohort under src/test/resources/cohorts/:
 * {@code <cohort>/<source>/*.csv} go to the inbox, {@code <cohort>/reference/*.csv} to reference/.
 */
public final class TestAuthority {
    public final DataDir dataDir;

    private TestAuthority(Path root) {
        this.dataDir = new DataDir(root);
    }

    /** An existing data directory, e.g. one a command has just filled. */
    public static TestAuthority at(Path root) {
        return new TestAuthority(root);
    }

    public static TestAuthority fromCohort(String cohort, Path root) throws IOException {
        TestAuthority a = new TestAuthority(root);
        Path from = resource("cohorts/" + cohort);
        try (Stream<Path> dirs = Files.list(from)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                Path to = "reference".equals(name) ? a.dataDir.reference() : a.dataDir.inbox(name);
                copyFolder(dir, to);
            }
        }
        return a;
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestAuthority.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource not found: " + name, e);
        }
    }

    public static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public LoadReport load() throws Exception {
        return new IngestRun(Duration.ofMillis(1), Duration.ofMinutes(2)).run(dataDir);
    }

    public WarehouseBuilder.BuildResult build() throws Exception {
        return WarehouseBuilder.fromClasspath().build(dataDir);
    }

    /** Rows of a query against the published warehouse, opened read-only as an analyst would. */
    public List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    public Map<String, Object> one(String sql) throws SQLException {
        List<Map<String, Object>> rows = query(sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from [" + sql + "], got " + rows.size());
        }
        return rows.get(0);
    }
}
