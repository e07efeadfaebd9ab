package uk.csc.warehouse.cli;

import uk.csc.warehouse.testing.ConsoleCapture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.runs.RunLedger;
import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.support.DataDir;

/** `status` fails when the last run of any job failed, not only the newest run of all jobs (issue 18). */
class StatusExitTest {
    @TempDir
    Path root;

    @Test
    void a_failed_comparators_run_is_not_hidden_by_a_later_good_nightly() throws Exception {
        RunLedger ledger = RunLedger.of(new DataDir(root));
        Instant t = Instant.now().minusSeconds(3600);
        ledger.insert(new RunRecord("comparators-1", "comparators", "cron", null, "", t, t, t.plusSeconds(5),
                RunRecord.FAILED, 0, 0, null, "comparators-refresh exited 1: no LAIT file", "test", 1));
        ledger.insert(new RunRecord("nightly-1", "nightly", "cron", null, "", t.plusSeconds(60), t.plusSeconds(60),
                t.plusSeconds(120), RunRecord.SUCCEEDED, 10, 0, "out/front_door.csv", null, "test", 1));

        String out = status();
        assertEquals(1, lastExit & 1, out);
        assertTrue(out.contains("FAILED:   comparators run comparators-1 failed: comparators-refresh exited 1"), out);

        // A later good comparators run clears it.
        ledger.insert(new RunRecord("comparators-2", "comparators", "request", null, "", null, t.plusSeconds(180),
                t.plusSeconds(190), RunRecord.SUCCEEDED, 0, 0, null, null, "test", 1));
        out = status();
        assertEquals(0, lastExit & 1, out);
    }

    private int lastExit;

    private String status() {
        ConsoleCapture.Captured c = ConsoleCapture.capture(() -> Main.execute("status", "--data-dir", root.toString()));
        lastExit = c.exit();
        return c.out();
    }
}
