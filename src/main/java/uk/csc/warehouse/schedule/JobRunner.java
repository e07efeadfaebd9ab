package uk.csc.warehouse.schedule;

import uk.csc.warehouse.support.Redact;
import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.runs.NothingToDo;
import uk.csc.warehouse.runs.RunLedger;
import uk.csc.warehouse.runs.DataDirLock;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.csc.warehouse.support.DataDir;

/**
 * Runs one job once, whoever asked (cron, start-up catch-up, request file, command line), and records it in the
 * run ledger. The rules every caller gets:
 * <ul>
 *   <li>One job at a time per data folder ({@link DataDirLock}), across processes.</li>
 *   <li>A scheduled fire whose job is already running is not started: it is recorded as {@code skipped} with the
 *       reason. So is a cron fire already answered by a run that was in progress at, or started after, its due
 *       time (two triggers for one moment, or a fire Quartz held back while the job overran).</li>
 *   <li>Requests wait their turn (up to {@code requests.lock-wait}).</li>
 *   <li>A failed, interrupted or partial run notifies; its reason is one redacted line, never data.</li>
 * </ul>
 */
public final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What to run and why. {@code dueAt}: the scheduled moment a cron or catch-up fire answers (else null). */
    public record Request(String job, JobTrigger trigger, Map<String, String> options, Instant dueAt, String requestId) {
        public Request {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    /** Told when a run starts and ends (the request route uses it to write outcome files). */
    public interface Listener {
        void started(Request request, RunRecord run);

        void finished(Request request, RunRecord run);
    }

    private static final Listener NO_LISTENER = new Listener() {
        @Override
        public void started(Request request, RunRecord run) {
        }

        @Override
        public void finished(Request request, RunRecord run) {
        }
    };

    private final DataDir dataDir;
    private final ScheduleConfig config;
    private final JobRegistry registry;
    private final Notifier notifier;
    private final RunLedger ledger;
    private volatile Listener listener = NO_LISTENER;

    public JobRunner(DataDir dataDir, ScheduleConfig config, JobRegistry registry, Notifier notifier) {
        this.dataDir = dataDir;
        this.config = config;
        this.registry = registry;
        this.notifier = notifier;
        this.ledger = RunLedger.of(dataDir);
    }

    public void setListener(Listener listener) {
        this.listener = listener == null ? NO_LISTENER : listener;
    }

    public RunLedger ledger() {
        return ledger;
    }

    public JobRegistry registry() {
        return registry;
    }

    /** Runs a registered job. An unknown or unavailable job is recorded as failed. */
    public RunRecord run(Request request) throws SQLException {
        Optional<WarehouseJob> job = registry.get(request.job());
        if (job.isEmpty() || !job.get().available()) {
            String why = job.isEmpty() ? "no job named " + request.job()
                    : "job " + request.job() + " is not in this build yet";
            return record(request, newRunId(request.job()), RunRecord.FAILED, why, true);
        }
        return run(request, job.get());
    }

    public RunRecord run(Request request, WarehouseJob job) throws SQLException {
        String runId = newRunId(job.name());
        MDC.put("run_id", runId);
        MDC.put("job", job.name());
        try {
            return runGuarded(request, job, runId);
        } finally {
            MDC.remove("run_id");
            MDC.remove("job");
        }
    }

    private RunRecord runGuarded(Request request, WarehouseJob job, String runId) throws SQLException {
        Optional<String> answered = alreadyAnswered(request);
        if (answered.isPresent()) {
            return record(request, runId, RunRecord.SKIPPED, answered.get(), false);
        }
        DataDirLock.Holder me = new DataDirLock.Holder(ProcessHandle.current().pid(), job.name(), runId,
                request.trigger().label(), Instant.now());
        boolean dropIfSameJob = request.trigger().scheduled() || request.trigger() == JobTrigger.CLI;
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(dataDir, me, config.duration("requests.lock-wait"),
                    h -> dropIfSameJob && job.name().equals(h.job()));
        } catch (DataDirLock.Busy busy) {
            boolean sameJob = busy.holder != null && job.name().equals(busy.holder.job());
            String why = sameJob
                    ? "not started: " + busy.holder.describe() + (request.dueAt() == null ? "" : "; this fire was due at " + request.dueAt())
                    : "could not start: " + busy.getMessage();
            return record(request, runId, sameJob ? RunRecord.SKIPPED : RunRecord.FAILED, why, !sameJob);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return record(request, runId, RunRecord.INTERRUPTED, "service stopping while waiting for the data folder", false);
        } catch (java.io.IOException e) {
            return record(request, runId, RunRecord.FAILED, "cannot lock the data folder: " + Redact.oneLine(e), true);
        }
        try (lock) {
            // We hold the folder, so a row still saying running belongs to a process that died: record it so.
            ledger.markInterrupted(RunLedger.GONE, null, null);
            answered = alreadyAnswered(request); // we may have waited: look again
            if (answered.isPresent()) {
                return record(request, runId, RunRecord.SKIPPED, answered.get(), false);
            }
            return execute(request, job, runId);
        } catch (java.io.IOException e) {
            LOG.warn("could not release {}: {}", DataDirLock.lockFile(dataDir), Redact.oneLine(e));
            return ledger.get(runId).orElseThrow();
        }
    }

    private RunRecord execute(Request request, WarehouseJob job, String runId) throws SQLException {
        RunRecord run = new RunRecord(runId, job.name(), request.trigger().label(), request.requestId(),
                encode(request.options()), request.dueAt(), Instant.now(), null, RunRecord.RUNNING, 0, 0, null, null,
                hostName(), ProcessHandle.current().pid());
        ledger.insert(run);
        LOG.info("{} started ({}{}{})", job.name(), request.trigger().label(),
                request.options().isEmpty() ? "" : ", " + encode(request.options()),
                request.dueAt() == null ? "" : ", due " + request.dueAt());
        listener.started(request, run);
        long t0 = System.nanoTime();
        try {
            JobResult result = job.run(new JobContext(dataDir, runId, request.trigger(), request.options(), config));
            run = run.finish(Instant.now(), result.warning() == null ? RunRecord.SUCCEEDED : RunRecord.PARTIAL,
                    result.rowsLoaded(), result.filesQuarantined(), String.join(";", result.outputs()), result.warning());
        } catch (NothingToDo e) {
            run = run.finish(Instant.now(), RunRecord.SKIPPED, 0, 0, null, e.getMessage());
        } catch (Exception e) {
            boolean interrupted = Thread.currentThread().isInterrupted() || causedByInterrupt(e);
            run = run.finish(Instant.now(), interrupted ? RunRecord.INTERRUPTED : RunRecord.FAILED, 0, 0, null,
                    interrupted ? "stopped while running (service shutting down): " + Redact.oneLine(e) : Redact.oneLine(e));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (Error e) {
            run = run.finish(Instant.now(), RunRecord.FAILED, 0, 0, null, Redact.oneLine(e));
            finish(request, run, t0);
            throw e;
        }
        finish(request, run, t0);
        return run;
    }

    private void finish(Request request, RunRecord run, long t0) throws SQLException {
        ledger.finish(run);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (run.bad()) {
            LOG.error("{} {} after {} ms: {}", run.job(), run.status(), ms, run.reason());
        } else if (RunRecord.PARTIAL.equals(run.status())) {
            LOG.warn("{} partial after {} ms: {}; {} rows loaded; outputs {}", run.job(), ms, run.reason(),
                    run.rowsLoaded(), run.outputs());
        } else {
            LOG.info("{} succeeded in {} ms; {} rows; outputs {}", run.job(), ms, run.rowsLoaded(), run.outputs());
        }
        if (run.bad() || RunRecord.PARTIAL.equals(run.status())) {
            notifier.runNeedsAttention(run);
        }
        listener.finished(request, run);
    }

    /** A run that never started: skipped (job already running / fire already answered) or refused. */
    private RunRecord record(Request request, String runId, String status, String reason, boolean notify)
            throws SQLException {
        Instant now = Instant.now();
        RunRecord run = new RunRecord(runId, request.job(), request.trigger().label(), request.requestId(),
                encode(request.options()), request.dueAt(), now, now, status, 0, 0, null, reason, hostName(),
                ProcessHandle.current().pid());
        ledger.insert(run);
        if (RunRecord.SKIPPED.equals(status)) {
            LOG.warn("{} fire skipped ({}): {}", request.job(), request.trigger().label(), reason);
        } else {
            LOG.error("{} {} ({}): {}", request.job(), status, request.trigger().label(), reason);
        }
        if (notify) {
            notifier.runNeedsAttention(run);
        }
        listener.started(request, run);
        listener.finished(request, run);
        return run;
    }

    /** For scheduled fires: a reason to skip if an earlier run already answers this one. */
    private Optional<String> alreadyAnswered(Request request) throws SQLException {
        if (request.dueAt() == null) {
            return Optional.empty();
        }
        if (request.trigger() == JobTrigger.CRON) {
            return ledger.covering(request.job(), request.dueAt()).map(r -> r.startedAt().isBefore(request.dueAt())
                    ? "run " + r.runId() + " was still running when this fire was due (" + request.dueAt() + ")"
                    : "run " + r.runId() + " (" + r.trigger() + ") already answered the fire due at " + request.dueAt());
        }
        if (request.trigger() == JobTrigger.STARTUP_CATCH_UP) {
            return ledger.recent(request.job(), 1).stream().filter(r -> !r.startedAt().isBefore(request.dueAt())).findFirst()
                    .map(r -> "already caught up by run " + r.runId() + " (" + r.status() + ")");
        }
        return Optional.empty();
    }

    private static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    static String newRunId(String job) {
        byte[] b = new byte[2];
        RANDOM.nextBytes(b);
        return job + "-" + RUN_ID_TIME.format(LocalDateTime.now()) + "-" + HexFormat.of().formatHex(b);
    }

    static String encode(Map<String, String> options) {
        return new TreeMap<>(options).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    Duration lockWait() {
        return config.duration("requests.lock-wait");
    }
}
