package uk.csc.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The corpus of real-world and broken extracts under src/test/resources/broken/: each folder is one
 * delivery and its expect.properties says what loading it must do. For every file, whatever happens,
 * rows read = rows loaded + rows quarantined, and nothing quarantined is lost: it sits in quarantine/.
 * Optional keys: {@code quarantined_lines} (every quarantined row's line, in order) and {@code lake_check} (a
 * boolean SQL expression over the landed Parquet, e.g. that a value loaded exactly as it means).
 */
class BrokenFilesTest {
    @TempDir
    Path root;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TestAuthority.resource("broken"))) {
            return dirs.filter(d -> Files.exists(d.resolve("expect.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loads_as_expected(String name) throws Exception {
        Path folder = TestAuthority.resource("broken/" + name);
        Properties expect = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve("expect.properties"))) {
            expect.load(r);
        }
        DataDir dataDir = new DataDir(root);
        TestAuthority.copyFolder(folder.resolve("case"), dataDir.inbox("case"));
        LoadReport report = new IngestRun(Duration.ofMillis(1), Duration.ofMinutes(2)).run(dataDir);

        for (LoadReport.FileResult f : report.results()) {
            assertEquals(f.rowsRead(), f.rowsLoaded() + f.rowsQuarantined(), "rows read = loaded + quarantined: " + f);
        }
        String status = expect.getProperty("status");
        String reason = expect.getProperty("reason");
        String table = expect.getProperty("table");
        LoadReport.FileResult result = report.results().stream()
                .filter(f -> f.status().name().equals(status))
                .filter(f -> table == null || f.table().equals(table))
                .filter(f -> !"QUARANTINED".equals(status) || f.reasonsText().contains(reason))
                .findFirst().orElseThrow(() -> new AssertionError("no " + status + " result matching "
                        + reason + " in " + report.results()));
        String excluded = expect.getProperty("reason_excludes");
        if (excluded != null) {
            // A value from inside the file is personal data: it must not be in the reason that is logged.
            assertFalse(result.reasonsText().contains(excluded), "the reason quotes the data: " + result.reasonsText());
        }
        if ("QUARANTINED".equals(status)) {
            assertQuarantinedWhole(dataDir, result);
            return;
        }
        assertEquals(Long.parseLong(expect.getProperty("rows_read")), result.rowsRead(), "rows read");
        assertEquals(Long.parseLong(expect.getProperty("rows_loaded")), result.rowsLoaded(), "rows loaded");
        assertEquals(Long.parseLong(expect.getProperty("rows_quarantined")), result.rowsQuarantined(), "rows quarantined");
        if (expect.containsKey("warning")) {
            assertTrue(result.warnings().stream().anyMatch(w -> w.contains(expect.getProperty("warning"))),
                    "warnings " + result.warnings());
        }
        if (result.rowsQuarantined() > 0) {
            NamedCsvRecord first = firstQuarantinedRow(result.quarantinedRows());
            assertEquals(expect.getProperty("line"), first.getField("line"), "line of the first quarantined row");
            if (!expect.getProperty("column", "").isEmpty()) {
                assertEquals(expect.getProperty("column"), first.getField("column"), "column");
            }
            assertTrue(first.getField("reason").contains(reason), "reason was: " + first.getField("reason"));
        }
        if (expect.containsKey("quarantined_lines")) {
            assertEquals(expect.getProperty("quarantined_lines"), String.join(",", quarantinedLines(result)),
                    "lines of the quarantined rows");
        }
        if (expect.containsKey("lake_check")) {
            assertTrue(lakeCheck(result, expect.getProperty("lake_check")), "lake_check: " + expect.getProperty("lake_check"));
        }
        assertEquals(result.rowsLoaded(), lakeRows(result), "the lake holds exactly the loaded rows");
    }

    private static void assertQuarantinedWhole(DataDir dataDir, LoadReport.FileResult result) throws IOException {
        Path dir = dataDir.quarantine().resolve("case");
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-" + result.file())), "original kept: " + names);
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-" + result.file() + ".reason.txt")), "reason kept: " + names);
        }
        assertTrue(result.reasonsText().startsWith(result.file()), "the reason names the file: " + result.reasonsText());
    }

    private static NamedCsvRecord firstQuarantinedRow(Path rowsFile) throws IOException {
        Path file = Files.exists(rowsFile) ? rowsFile
                : rowsFile.resolveSibling(rowsFile.getFileName().toString().replace(".rows.csv", ".orphans.csv"));
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            return csv.stream().findFirst().orElseThrow();
        }
    }

    private static List<String> quarantinedLines(LoadReport.FileResult result) throws IOException {
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(result.quarantinedRows())) {
            return csv.stream().map(r -> r.getField("line")).toList();
        }
    }

    private static boolean lakeCheck(LoadReport.FileResult result, String expression) throws Exception {
        Path parquet = result.partition().resolve(result.table() + ".parquet");
        try (var c = uk.csc.warehouse.support.DuckDb.inMemory(); var st = c.createStatement();
             var rs = st.executeQuery("select " + expression + " from read_parquet('" + parquet + "')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long lakeRows(LoadReport.FileResult result) throws Exception {
        Path parquet = result.partition().resolve(result.table() + ".parquet");
        try (var c = uk.csc.warehouse.support.DuckDb.inMemory(); var st = c.createStatement();
             var rs = st.executeQuery("select count(*) from read_parquet('" + parquet + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
