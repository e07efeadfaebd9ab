package uk.csc.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * Kill the nightly run (a child JVM, halted as by kill -9) at each step of loading and building a new
 * extract: the lake and warehouse.duckdb must be exactly as the last good load left them, and the next
 * ordinary run must recover by itself and reach the same result as an uninterrupted one.
 */
class CrashRecoveryTest {
    @TempDir
    Path root;

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"ingest.landed:1", "ingest.landed:2", "ingest.before-commit", "build.model:3",
        "build.before-publish"})
    void a_killed_run_leaves_the_last_good_state_and_the_next_run_recovers(String crashAt) throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        authority.load();
        authority.build();
        Map<String, String> lakeBefore = QuarantineTest.fingerprint(authority.dataDir.lake());
        byte[] warehouseBytes = Files.readAllBytes(authority.dataDir.warehouse());

        TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door_next/case"), authority.dataDir.inbox("case"));
        int exit = runChild(authority.dataDir.root(), crashAt);
        assertEquals(137, exit, "the child was halted at " + crashAt);

        if (crashAt.startsWith("ingest")) {
            assertEquals(lakeBefore, committedView(authority), "committed lake state unchanged");
        }
        assertTrue(java.util.Arrays.equals(warehouseBytes, Files.readAllBytes(authority.dataDir.warehouse())),
                "warehouse.duckdb untouched");
        assertEquals(9L, authority.one("select referrals from marts.front_door where period_label = '2024-25'")
                .get("referrals"), "analysts still see the last good figures");

        // The next ordinary run needs no manual step.
        authority.load();
        authority.build();
        assertEquals(10L, authority.one("select referrals from marts.front_door where period_label = '2024-25'")
                .get("referrals"));
        assertEquals(3L, authority.one("select count(*) n from ops.load_report where status = 'LOADED' "
                + "and extract_date = '2024-10-31'").get("n"), "the new extract was loaded exactly once");
        assertFalse(Files.exists(authority.dataDir.root().resolve("warehouse.duckdb.building")));
        assertTrue(noPendingArchive(authority), "delivered files all archived");
        assertTrue(noUncommittedPartitions(authority), "no debris in the lake");
    }

    /** Lake files minus what an interrupted load may leave for recovery to clear (uncommitted partitions). */
    private static Map<String, String> committedView(TestAuthority a) throws Exception {
        Map<String, String> files = QuarantineTest.fingerprint(a.dataDir.lake());
        List<String> committed = new ArrayList<>();
        try (Stream<Path> loads = Files.list(a.dataDir.lake().resolve("_loads"))) {
            loads.forEach(p -> committed.add(p.getFileName().toString().replace(".csv", "")));
        }
        files.keySet().removeIf(k -> k.contains("load_id=") && committed.stream().noneMatch(id -> k.contains("load_id=" + id)));
        return files;
    }

    private static boolean noPendingArchive(TestAuthority a) throws IOException {
        Path pending = a.dataDir.archive().resolve(".pending");
        if (!Files.exists(pending)) {
            return true;
        }
        try (Stream<Path> s = Files.list(pending)) {
            return s.findAny().isEmpty();
        }
    }

    private static boolean noUncommittedPartitions(TestAuthority a) throws Exception {
        return committedView(a).equals(QuarantineTest.fingerprint(a.dataDir.lake()));
    }

    private static int runChild(Path dataDir, String crashAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dcsc.crash-at=" + crashAt,
                "uk.csc.warehouse.cli.Main", "run", "--data-dir", dataDir.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("child.log").toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child did not stop: " + Files.readString(dataDir.resolve("child.log")));
        }
        return p.exitValue();
    }
}
