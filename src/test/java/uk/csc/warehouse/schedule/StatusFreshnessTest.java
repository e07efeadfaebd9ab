package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.runs.RunLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * The freshness warning analysts rely on: the case extract was last loaded three days ago, and since then the
 * nightly has "succeeded" every night on an empty inbox (the extract never arrived). That is stale data.
 */
class StatusFreshnessTest {
    @TempDir
    Path root;

    @Test
    void a_nightly_that_loaded_nothing_new_does_not_make_the_data_fresh() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        authority.load();
        // The load (and the build that published it) happened three days ago: its commit record says so.
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        try (Stream<Path> loads = Files.list(authority.dataDir.lake().resolve("_loads"))) {
            for (Path manifest : loads.toList()) {
                String text = Files.readString(manifest);
                Files.writeString(manifest, text.replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", threeDaysAgo.toString()));
            }
        }
        authority.build();
        // Last night's nightly found nothing in the inbox and succeeded (as the ledger records it).
        Instant lastNight = Instant.now().minus(Duration.ofHours(5));
        RunLedger.of(authority.dataDir).insert(new RunRecord("nightly-lastnight", NightlyLoadJob.NAME, "cron", null, "",
                lastNight, lastNight, lastNight.plusSeconds(40), RunRecord.SUCCEEDED, 0, 0, "", null, "test", 1));

        String out = status(authority);
        assertEquals(2, lastExit, "stale, nothing failed:\n" + out);
        assertTrue(out.contains("data:     fresh: last load finished"), out);
        assertTrue(out.contains("extract:  STALE: newest case extract loaded"), out);
        assertTrue(out.contains("(3 days ago; "), out);

        // Tonight's extract arrives and loads: fresh again.
        TestAuthority.copyFolder(TestAuthority.resource("cohorts/front_door_next/case"), authority.dataDir.inbox("case"));
        authority.load();
        out = status(authority);
        assertEquals(2, lastExit, "loaded into the lake but not yet published: analysts still see the old extract\n" + out);
        assertTrue(out.contains("extract:  STALE: newest case extract loaded"), out);
        authority.build();
        out = status(authority);
        assertEquals(0, lastExit, out);
        assertTrue(out.contains("extract:  fresh: newest case extract loaded"), out);
        assertTrue(out.contains("extract date 2024-10-31)"), out);
    }

    private int lastExit;

    private String status(TestAuthority authority) {
        PrintStream was = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            lastExit = Main.execute("status", "--data-dir", authority.dataDir.root().toString());
        } finally {
            System.setOut(was);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
