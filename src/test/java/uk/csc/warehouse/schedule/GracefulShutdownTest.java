package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.runs.RunLedger;
import uk.csc.warehouse.runs.DataDirLock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.csc.warehouse.schedule.ScheduleTesting.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * SIGTERM in the middle of a build: a real {@code serve} in a child JVM on a small hand-built authority
 * (the front_door cohort), stopped with Process.destroy() (SIGTERM) while warehouse.duckdb.building exists.
 * Afterwards warehouse.duckdb is the old one or a complete new one and opens read-only, and the ledger says
 * the run was interrupted or succeeded: never left "running", never half a warehouse.
 */
class GracefulShutdownTest {
    @TempDir
    Path root;

    @Test
    void sigterm_mid_build_leaves_the_old_or_the_new_warehouse_and_an_honest_ledger() throws Exception {
        TestAuthority authority = BuiltCohorts.copy("front_door", root);
        DataDir dir = authority.dataDir;
        String before = sha256(dir.warehouse());
        // Tonight's extracts: the same cohort again, under a new extract date.
        Path again = TestAuthority.resource("cohorts/front_door/case");
        try (var files = Files.list(again)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.inbox("case").resolve(f.getFileName().toString().replace("20240930", "20241031")));
            }
        }
        Files.writeString(dir.root().resolve(ScheduleConfig.FILE_NAME), String.join("\n",
                "# never due during the test: the run comes from start-up catch-up (the ledger is empty)",
                "schedule.nightly.cron=0 0 2 * * ?",
                "schedule.indicator-snapshot.cron=off",
                "schedule.pack.cron=off",
                "schedule.comparators.cron=off",
                "schedule.cin-census.cron=off",
                "schedule.ssda903.cron=off",
                "serve.shutdown-timeout=PT1S",
                "serve.heartbeat-interval=PT1S",
                ""));
        Path log = root.resolve("serve.log");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "uk.csc.warehouse.cli.Main", "serve",
                "--data-dir", dir.root().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path building = dir.root().resolve("warehouse.duckdb.building");
            await(Duration.ofSeconds(90), "the child's nightly to be mid-build (" + log + ")",
                    () -> Files.exists(building) || !serve.isAlive());
            assertTrue(serve.isAlive(), () -> "serve exited early: " + tail(log));
            serve.destroy(); // SIGTERM
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve stops within its shutdown timeout");
        } finally {
            serve.destroyForcibly();
        }

        List<RunRecord> runs = RunLedger.of(dir).recent(NightlyLoadJob.NAME, 10);
        assertEquals(1, runs.size(), runs::toString);
        RunRecord run = runs.get(0);
        assertEquals("startup-catch-up", run.trigger());
        assertTrue(List.of(RunRecord.INTERRUPTED, RunRecord.SUCCEEDED, RunRecord.PARTIAL).contains(run.status()),
                () -> run + "\n" + tail(log));
        String after = sha256(dir.warehouse());
        if (!RunRecord.SUCCEEDED.equals(run.status()) && !RunRecord.PARTIAL.equals(run.status())) {
            assertEquals(before, after, "an interrupted build never replaces the published warehouse");
        }
        try (Connection c = DuckDb.readOnly(dir.warehouse()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*), count(*) filter (where not passed) from ops.data_test_results")) {
            rs.next();
            assertTrue(rs.getLong(1) > 0, "a complete warehouse: its data tests are recorded");
            assertEquals(0, rs.getLong(2), "and all passed");
        }
        assertFalse(DataDirLock.holder(dir).isPresent(), "the data folder lock died with the process");
        assertFalse(ServiceState.probe(dir).up());
    }

    private static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
