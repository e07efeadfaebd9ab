package uk.csc.warehouse.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import uk.csc.warehouse.runs.RunLedger;
import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.support.DataDir;

/** Helpers for the scheduler tests: stand-in jobs, quick settings, and waiting on outcomes (never fixed sleeps). */
final class ScheduleTesting {
    private ScheduleTesting() {}

    /** Settings for a test: nothing of the product's own schedule, fast polling, short waits. */
    static ScheduleConfig config(Map<String, String> overrides) {
        Map<String, String> m = new HashMap<>();
        m.put("schedule.nightly.cron", "off");
        m.put("schedule.indicator-snapshot.cron", "off");
        m.put("schedule.pack.cron", "off");
        m.put("schedule.comparators.cron", "off");
        m.put("schedule.cin-census.cron", "off");
        m.put("schedule.ssda903.cron", "off");
        m.put("schedule.misfire-threshold", "PT0.5S");
        m.put("schedule.catch-up", "false"); // tests that want catch-up turn it on

        m.put("requests.poll-delay", "PT0.1S");
        m.put("requests.read-lock-min-age", "PT0.1S");
        m.put("requests.lock-wait", "PT30S");
        m.put("serve.heartbeat-interval", "PT1S");
        m.put("serve.shutdown-timeout", "PT10S");
        m.putAll(overrides);
        return ScheduleConfig.of(m);
    }

    /** Polls {@code condition} every 20 ms until true, failing with {@code what} after {@code timeout}. */
    static void await(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    static List<RunRecord> runs(DataDir dir, String job) throws Exception {
        return RunLedger.of(dir).recent(job, 1000);
    }

    static long count(DataDir dir, String job, String status) throws Exception {
        return runs(dir, job).stream().filter(r -> r.status().equals(status)).count();
    }

    /** A stand-in job that counts its runs and, when gated, holds each run until released. */
    static final class CountingJob implements WarehouseJob {
        final String name;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        volatile CountDownLatch gate;

        CountingJob(String name) {
            this.name = name;
        }

        CountingJob gated() {
            gate = new CountDownLatch(1);
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "test stand-in";
        }

        @Override
        public JobResult run(JobContext context) throws Exception {
            started.incrementAndGet();
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                CountDownLatch g = gate;
                if (g != null && !g.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test gate never opened");
                }
                return new JobResult(7, 0, List.of(), null);
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }

    /**
     * Stand-in for an on-demand job (Annex A had not landed when this was written): writes
     * out/echo-&lt;as_at&gt;.txt so a test can see the request's option reached the job.
     */
    static final class EchoJob implements WarehouseJob {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String description() {
            return "test stand-in for an on-demand job: writes out/echo-<as_at>.txt";
        }

        @Override
        public JobResult run(JobContext context) throws Exception {
            String asAt = context.option("as_at", "none");
            Path out = context.dataDir().out().resolve("echo-" + asAt + ".txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, "as_at=" + asAt + "\nrun_id=" + context.runId() + "\n");
            return JobResult.ok(List.of(context.dataDir().root().relativize(out).toString()));
        }
    }
}
