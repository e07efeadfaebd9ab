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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.csc.warehouse.testing.BuiltCohorts;
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
    @ValueSource(strings = {"ingest.landed:1", "ingest.landed:2", "ingest.before-commit", "ingest.after-commit",
        "build.model:3", "build.before-publish"})
    void a_killed_run_leaves_the_last_good_state_and_the_next_run_recovers(String crashAt) throws Exception {
        TestAuthority authority = BuiltCohorts.copy("front_door", root);
        Map<String, String> lakeBefore = QuarantineTest.fingerprint(authority.dataDir.lake());
        byte[] warehouseBytes = Files.readAllBytes(authority.dataDir.warehouse());

        TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door_next/case"), authority.dataDir.inbox("case"));
        int exit = runChild(authority.dataDir.root(), crashAt);
        assertEquals(137, exit, "the child was halted at " + crashAt);

        if (crashAt.equals("ingest.after-commit")) {
            // The manifest was renamed into place, so the load is done; only archiving its files was cut short.
            assertEquals(lakeBefore.size() + 4, committedView(authority).size(), "three Parquet files and one manifest");
            assertFalse(noPendingArchive(authority), "its files were still waiting to be archived");
        } else if (crashAt.startsWith("ingest")) {
            assertEquals(lakeBefore, committedView(authority), "committed lake state unchanged");
        }
        // What an interrupted load's Windows-1252 re-encoding leaves: a copy of personal data outside the lake.
        Path scratch = authority.dataDir.root().resolve(".work/20990101T000000-dead/ssd_person.csv.utf8");
        Files.createDirectories(scratch.getParent());
        Files.writeString(scratch, "pers_person_id\nC01\n");
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
        assertFalse(Files.exists(scratch.getParent()), "no scratch copies left behind");
        try (Stream<Path> inbox = Files.list(authority.dataDir.inbox("case"))) {
            assertEquals(List.of(), inbox.toList(), "the inbox is empty: every file was loaded or refused");
        }
    }

    /**
     * A load is killed with tonight's files taken from the inbox; before it is redone, a corrected file of the
     * same name arrives (the next pull, or the council re-sending it). Recovery must not put the older copy back
     * over the newer one: the newer file loads, the older one is kept in quarantine with the reason.
     */
    @Test
    void recovery_never_overwrites_a_newer_delivery_of_the_same_name() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        authority.load();
        Path next = TestAuthority.resource("cohorts/front_door_next/case");
        TestAuthority.copyFolder(next, authority.dataDir.inbox("case"));
        assertEquals(137, runChild(authority.dataDir.root(), "ingest.before-commit"));

        String name = "ssd_person_20241031.csv";
        String older = Files.readString(next.resolve(name));
        // The corrected extract: 13 people as before and one more (C99) the first extract missed.
        String newer = older + "F,C99,2016-05-17,WBRI\n";
        Files.writeString(authority.dataDir.inbox("case").resolve(name), newer);

        LoadReport report = authority.load();

        LoadReport.FileResult person = report.results().stream().filter(r -> r.file().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(report.results().toString()));
        assertEquals(LoadReport.Status.LOADED, person.status());
        assertEquals(14, person.rowsRead(), "the newer file: 13 + 1 people");
        assertEquals(14, person.rowsLoaded());
        assertEquals(3, report.landed().size(), "the other two files of the interrupted load were redone");
        Path quarantine = authority.dataDir.quarantine().resolve("case");
        List<Path> kept;
        try (Stream<Path> s = Files.list(quarantine)) {
            kept = s.filter(p -> p.getFileName().toString().endsWith("-" + name)).toList();
        }
        assertEquals(1, kept.size(), "the older copy is kept");
        assertEquals(older, Files.readString(kept.get(0)), "byte for byte as delivered");
        String reason = Files.readString(kept.get(0).resolveSibling(kept.get(0).getFileName() + ".reason.txt"));
        assertTrue(reason.startsWith(name + ": superseded"), reason);
    }

    /** Loads are one at a time per data folder: a second one started meanwhile touches nothing. */
    @Test
    void a_second_load_while_one_is_running_is_refused_and_leaves_its_files_alone() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        authority.load();
        // The running load: it holds the load lock and has parked a file it took from the inbox.
        Path parked = authority.dataDir.archive().resolve(".pending/20990101T000000-beef/case/20990101T000000-x.csv");
        Files.createDirectories(parked.getParent());
        Files.writeString(parked, "taken by the running load\n");
        TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door_next/case"), authority.dataDir.inbox("case"));
        Map<String, String> lakeBefore = QuarantineTest.fingerprint(authority.dataDir.lake());
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(
                authority.dataDir.root().resolve(".load.lock"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); var held = ch.lock()) {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    authority::load);
            assertTrue(refused.getMessage().startsWith("another load is running on "), refused.getMessage());
        }
        assertTrue(Files.exists(parked), "the running load's file was not taken back to the inbox");
        assertEquals(lakeBefore, QuarantineTest.fingerprint(authority.dataDir.lake()));
        try (Stream<Path> inbox = Files.list(authority.dataDir.inbox("case"))) {
            assertEquals(3, inbox.count(), "tonight's files wait in the inbox");
        }
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
