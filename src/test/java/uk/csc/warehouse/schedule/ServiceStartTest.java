package uk.csc.warehouse.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.csc.warehouse.schedule.ScheduleTesting.await;
import static uk.csc.warehouse.schedule.ScheduleTesting.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.InProcessCommands;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.runs.RunLedger;
import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.support.DataDir;

/** What `serve` does when it starts (issue 18): on a new install, and after a missed fire that then fails. */
class ServiceStartTest {
    @TempDir
    Path root;

    /**
     * A new install: an empty data folder, the product's own jobs and default settings (no --lait configured),
     * with every default cron's last fire counted as missed. No start may record a failed run (each would email
     * someone at every restart); the comparators job, not configured, is neither scheduled nor made up.
     */
    @Test
    void a_new_install_starts_without_a_failed_run_and_leaves_an_unconfigured_job_unscheduled() throws Exception {
        DataDir dir = new DataDir(root);
        Files.writeString(root.resolve(ScheduleConfig.FILE_NAME), "schedule.catch-up.max-age=P400D\n"
                + "serve.heartbeat-interval=1s\nserve.shutdown-timeout=PT30S\n");
        ScheduleConfig config = ScheduleConfig.load(dir);
        List<String> caughtUp;
        try (SchedulerService s = new SchedulerService(dir, config, JobRegistry.standard(new InProcessCommands()), Notifier.LOG_ONLY)) {
            s.start();
            caughtUp = s.caughtUp();
            await(Duration.ofMinutes(3), "every made-up run to end", () -> {
                for (String job : caughtUp) {
                    if (runs(dir, job).stream().noneMatch(RunRecord::finished)) {
                        return false;
                    }
                }
                return true;
            });
            assertTrue(s.nextFires().contains("nightly") && !s.nextFires().contains("comparators"), s.nextFires());
        }
        assertTrue(caughtUp.contains("nightly"), "the nightly was due and is made up: " + caughtUp);
        assertTrue(!caughtUp.contains("comparators"), "comparators is not configured: " + caughtUp);
        List<RunRecord> all = RunLedger.of(dir).recent(100);
        assertEquals(List.of(), all.stream().filter(RunRecord::bad).toList(), "no failed run at start-up");
        assertEquals(List.of(), runs(dir, "comparators"), "the unconfigured job never ran");
        RunRecord nightly = runs(dir, "nightly").get(0);
        assertEquals(RunRecord.SKIPPED, nightly.status());
        assertTrue(nightly.reason().startsWith("no extract has been delivered yet"), nightly.reason());

        // A second start has nothing to make up, and status says why comparators is not scheduled.
        try (SchedulerService s = new SchedulerService(dir, config, JobRegistry.standard(new InProcessCommands()), Notifier.LOG_ONLY)) {
            s.start();
            assertEquals(List.of(), s.caughtUp(), "made up once, not at every start");
        }
        assertEquals(all.size(), RunLedger.of(dir).recent(100).size(), "the second start recorded nothing");
        String status = StatusRun.of(root);
        assertTrue(status.contains("not scheduled: not configured: set schedule.comparators.option.lait"), status);
        assertEquals(0, StatusRun.lastExit & 1, "nothing failed:\n" + status);
    }

    /** A made-up run that fails has notified once; restarting the service must not run (and fail) it again. */
    @Test
    void a_missed_fire_is_made_up_once_even_when_that_run_fails() throws Exception {
        DataDir dir = new DataDir(root);
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        RunLedger.of(dir).insert(new RunRecord("broken-old", "broken", "cron", null, "", threeDaysAgo, threeDaysAgo,
                threeDaysAgo.plusSeconds(60), RunRecord.SUCCEEDED, 10, 0, "", null, "test", 1));
        AtomicInteger started = new AtomicInteger();
        WarehouseJob broken = new WarehouseJob() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String description() {
                return "fails every time";
            }

            @Override
            public JobResult run(JobContext context) {
                started.incrementAndGet();
                throw new IllegalStateException("the LAIT file is missing");
            }
        };
        ScheduleConfig config = ScheduleTesting.config(Map.of("schedule.broken.cron", "0 0 2 * * ?", "schedule.catch-up", "true"));
        for (int start = 1; start <= 3; start++) {
            try (SchedulerService s = new SchedulerService(dir, config, new JobRegistry().register(broken), Notifier.LOG_ONLY)) {
                s.start();
                if (start == 1) {
                    await(Duration.ofSeconds(30), "the made-up run to fail", () -> ScheduleTesting.count(dir, "broken", RunRecord.FAILED) == 1);
                } else {
                    assertEquals(List.of(), s.caughtUp(), "start " + start + " makes nothing up");
                }
            }
        }
        assertEquals(1, started.get(), "one made-up run over three starts");
        assertEquals(2, runs(dir, "broken").size(), "the old run and the one made-up run");
    }
}
