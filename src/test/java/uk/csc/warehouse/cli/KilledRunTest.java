package uk.csc.warehouse.cli;

import uk.csc.warehouse.testing.ConsoleCapture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.csc.warehouse.runs.RunLedger;
import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * A `run` killed (a child JVM halted as by kill -9) mid-build or mid-output, as an operator then sees it (issue 18):
 * the ledger row the dead process left "running" reads as interrupted, status is non-zero and judges freshness by
 * the extract the published warehouse holds, out/ still holds one whole night's set, and the next run mends all.
 */
class KilledRunTest {
    @TempDir
    Path root;

    @Test
    void a_run_killed_mid_build_is_interrupted_and_status_fails_until_a_later_run_succeeds() throws Exception {
        TestAuthority authority = lastNightPublished();
        RunRecord typed = RunLedger.of(authority.dataDir).recent("nightly", 1).get(0);
        assertEquals("cli", typed.trigger());
        assertEquals(RunRecord.SUCCEEDED, typed.status());
        assertTrue(typed.rowsLoaded() > 0, "a typed run records the rows it loaded: " + typed);
        assertEquals("out/front_door.csv;out/indicator_values.csv", typed.outputs(), "and the outputs it wrote");

        TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door_next/case"), authority.dataDir.inbox("case"));
        assertEquals(137, runChild("build.model:3"), "the child was halted mid-build");

        RunRecord killed = RunLedger.of(authority.dataDir).recent("nightly", 1).get(0);
        assertEquals(RunRecord.INTERRUPTED, killed.status(), "the dead process's run, to every reader");
        assertEquals(RunLedger.GONE, killed.reason());
        String status = status();
        assertEquals(1, lastExit & 1, "the interrupted run fails status:\n" + status);
        assertTrue(status.contains("FAILED:   nightly run " + killed.runId() + " interrupted"), status);
        assertTrue(status.contains("running:  nothing"), status);
        assertTrue(status.contains("extract date 2024-09-30)"), "the published warehouse still holds the old extract, "
                + "though the lake has loaded the new one:\n" + status);

        assertEquals(0, Main.execute("run", "--data-dir", root.toString()), "the next run recovers by itself");
        status = status();
        assertEquals(0, lastExit & 1, "a later run succeeded:\n" + status);
        assertTrue(status.contains("extract date 2024-10-31)"), status);
        assertEquals(RunRecord.SUCCEEDED, RunLedger.of(authority.dataDir).recent("nightly", 1).get(0).status());
        assertEquals(RunRecord.INTERRUPTED, RunLedger.of(authority.dataDir).get(killed.runId()).orElseThrow().status());
    }

    @ParameterizedTest(name = "killed at {0}")
    @ValueSource(strings = {"outputs.staged:1", "outputs.before-publish"})
    void a_run_killed_while_writing_outputs_leaves_last_nights_set_whole(String crashAt) throws Exception {
        TestAuthority authority = lastNightPublished();
        Path out = authority.dataDir.out();
        byte[] frontDoor = Files.readAllBytes(out.resolve("front_door.csv"));
        byte[] indicators = Files.readAllBytes(out.resolve("indicator_values.csv"));

        TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door_next/case"), authority.dataDir.inbox("case"));
        assertEquals(137, runChild(crashAt));
        assertArrayEquals(frontDoor, Files.readAllBytes(out.resolve("front_door.csv")), "last night's front door");
        assertArrayEquals(indicators, Files.readAllBytes(out.resolve("indicator_values.csv")), "beside last night's indicators");

        assertEquals(0, Main.execute("run", "--data-dir", root.toString()));
        assertFalse(java.util.Arrays.equals(frontDoor, Files.readAllBytes(out.resolve("front_door.csv"))), "tonight's set");
        assertFalse(java.util.Arrays.equals(indicators, Files.readAllBytes(out.resolve("indicator_values.csv"))));
        try (var files = Files.list(out)) {
            assertEquals(List.of("front_door.csv", "indicator_values.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no staging debris");
        }
    }

    /** The front_door cohort loaded, built and published by an earlier run (one run per JVM, copied per test). */
    private TestAuthority lastNightPublished() throws Exception {
        return BuiltCohorts.copyAfterRun("front_door", root);
    }

    private int lastExit;

    private String status() {
        ConsoleCapture.Captured c = ConsoleCapture.capture(() -> Main.execute("status", "--data-dir", root.toString()));
        lastExit = c.exit();
        return c.out();
    }

    private int runChild(String crashAt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dcsc.crash-at=" + crashAt,
                "uk.csc.warehouse.cli.Main", "run", "--data-dir", root.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("child.log").toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("child did not stop: " + Files.readString(root.resolve("child.log")));
        }
        return p.exitValue();
    }
}
