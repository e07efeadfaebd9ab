package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.runs.RunLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.csc.warehouse.schedule.ScheduleTesting.await;
import static uk.csc.warehouse.schedule.ScheduleTesting.count;
import static uk.csc.warehouse.schedule.ScheduleTesting.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.support.DataDir;

/** The real Quartz scheduler on the real clock, with crons of a second or two. */
class SchedulerServiceTest {
    @TempDir
    Path root;

    private SchedulerService start(ScheduleConfig config, WarehouseJob... jobs) throws Exception {
        JobRegistry registry = new JobRegistry();
        for (WarehouseJob j : jobs) {
            registry.register(j);
        }
        SchedulerService s = new SchedulerService(new DataDir(root), config, registry, Notifier.LOG_ONLY);
        s.start();
        return s;
    }

    @Test
    void a_cron_fires_and_each_fire_is_in_the_ledger() throws Exception {
        DataDir dir = new DataDir(root);
        ScheduleTesting.CountingJob tick = new ScheduleTesting.CountingJob("tick");
        try (SchedulerService s = start(ScheduleTesting.config(Map.of("schedule.tick.cron", "* * * * * ?")), tick)) {
            await(Duration.ofSeconds(15), "two cron runs of tick", () -> count(dir, "tick", RunRecord.SUCCEEDED) >= 2);
        }
        List<RunRecord> done = runs(dir, "tick").stream().filter(r -> r.status().equals(RunRecord.SUCCEEDED)).toList();
        for (RunRecord r : done) {
            assertEquals("cron", r.trigger());
            assertEquals(0, r.dueAt().getNano(), "due on a whole second, as the cron says");
            assertEquals(7, r.rowsLoaded());
            assertTrue(r.runId().startsWith("tick-"));
        }
        assertEquals(done.size(), done.stream().map(RunRecord::dueAt).distinct().count(), "one run per fire");
        assertEquals(1, tick.maxConcurrent.get());
    }

    @Test
    void a_missed_night_runs_once_at_start_up_not_once_per_night() throws Exception {
        DataDir dir = new DataDir(root);
        ZoneId zone = ZoneId.of("Europe/London");
        // Simulated downtime: the last nightly finished three days ago, so three 02:00 fires were missed.
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        RunLedger.of(dir).insert(new RunRecord("nightly-old", "nightly", "cron", null, "", threeDaysAgo, threeDaysAgo,
                threeDaysAgo.plusSeconds(60), RunRecord.SUCCEEDED, 10, 0, "", null, "test", 1));
        ScheduleTesting.CountingJob nightly = new ScheduleTesting.CountingJob("nightly");
        ScheduleConfig config = ScheduleTesting.config(Map.of("schedule.nightly.cron", "0 0 2 * * ?", "schedule.catch-up", "true"));
        try (SchedulerService s = start(config, nightly)) {
            await(Duration.ofSeconds(15), "the catch-up run", () -> count(dir, "nightly", RunRecord.SUCCEEDED) == 2);
        }
        RunRecord caughtUp = runs(dir, "nightly").get(0);
        assertEquals("startup-catch-up", caughtUp.trigger());
        Instant lastTwoAm = lastTwoAm(zone);
        assertEquals(lastTwoAm, caughtUp.dueAt(), "answers the latest missed fire");

        // A restart after the catch-up has nothing to make up: still exactly one catch-up run.
        try (SchedulerService s = start(config, nightly)) {
            assertEquals(List.of(), s.caughtUp(), "nothing missed since the catch-up");
        }
        assertEquals(1, nightly.started.get());
        assertEquals(2, runs(dir, "nightly").size(), "the old run and one catch-up; no skipped or extra rows");
    }

    private static Instant lastTwoAm(ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime two = now.truncatedTo(ChronoUnit.DAYS).withHour(2);
        return (two.isAfter(now) ? two.minusDays(1) : two).toInstant();
    }

    @Test
    void two_triggers_for_the_same_moment_run_the_job_once() throws Exception {
        DataDir dir = new DataDir(root);
        ZoneId zone = ZoneId.of("Europe/London");
        ZonedDateTime at = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth() + " "
                + at.getMonthValue() + " ? " + at.getYear();
        String sameMoment = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " ? * * " + at.getYear();
        ScheduleTesting.CountingJob load = new ScheduleTesting.CountingJob("load").gated();
        try (SchedulerService s = start(ScheduleTesting.config(Map.of("schedule.load.cron", cron + ";" + sameMoment)), load)) {
            await(Duration.ofSeconds(20), "the first trigger's run to start", () -> load.started.get() == 1);
            load.gate.countDown();
            await(Duration.ofSeconds(20), "both triggers to be answered", () -> runs(dir, "load").size() == 2
                    && runs(dir, "load").stream().allMatch(RunRecord::finished));
        }
        assertEquals(1, load.started.get(), "the job body ran once");
        assertEquals(1, count(dir, "load", RunRecord.SUCCEEDED));
        RunRecord skipped = runs(dir, "load").stream().filter(r -> r.status().equals(RunRecord.SKIPPED)).findFirst().orElseThrow();
        assertEquals(at.toInstant(), skipped.dueAt());
        assertTrue(skipped.reason().contains("already answered the fire due at"), skipped.reason());
    }

    @Test
    void a_load_still_running_when_the_next_is_due_is_not_started_again_and_says_so() throws Exception {
        DataDir dir = new DataDir(root);
        ScheduleTesting.CountingJob load = new ScheduleTesting.CountingJob("load").gated();
        try (SchedulerService s = start(ScheduleTesting.config(Map.of("schedule.load.cron", "* * * * * ?")), load)) {
            await(Duration.ofSeconds(15), "the first run to start", () -> load.started.get() == 1);
            Instant firstDue = runs(dir, "load").get(0).dueAt();
            // Hold the run past its next two fire times (and past the misfire threshold), then let it finish.
            await(Duration.ofSeconds(15), "two more fire times to pass", () -> Instant.now().isAfter(firstDue.plusMillis(2600)));
            // The first run is parked on the latch it read when it started; later runs see no gate and finish at once.
            java.util.concurrent.CountDownLatch first = load.gate;
            load.gate = null;
            first.countDown();
            await(Duration.ofSeconds(15), "a skipped fire and a later run", () -> count(dir, "load", RunRecord.SKIPPED) >= 1
                    && count(dir, "load", RunRecord.SUCCEEDED) >= 2);
        }
        List<RunRecord> all = runs(dir, "load");
        assertTrue(all.stream().anyMatch(r -> r.status().equals(RunRecord.SKIPPED)
                && r.reason().contains("was still running when this fire was due")), all.toString());
        assertEquals(1, load.maxConcurrent.get(), "never two at once");
    }

}
