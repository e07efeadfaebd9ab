package uk.csc.warehouse.runs;

import java.time.Duration;
import java.time.Instant;

/** One row of the run ledger: one attempt (or one skipped fire) of one job. */
public record RunRecord(String runId, String job, String trigger, String requestId, String options, Instant dueAt,
                        Instant startedAt, Instant endedAt, String status, long rowsLoaded, long filesQuarantined,
                        String outputs, String reason, String host, long pid) {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    /** Did its work but something needs a look (quarantined files): counts as a load for freshness. */
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String INTERRUPTED = "interrupted";

    public boolean finished() {
        return !RUNNING.equals(status);
    }

    /** Succeeded or partial: the job's outputs (e.g. a published warehouse) exist for this run. */
    public boolean completed() {
        return SUCCEEDED.equals(status) || PARTIAL.equals(status);
    }

    public boolean bad() {
        return FAILED.equals(status) || INTERRUPTED.equals(status);
    }

    public Duration duration() {
        return endedAt == null || startedAt == null ? null : Duration.between(startedAt, endedAt);
    }

    public RunRecord finish(Instant ended, String newStatus, long rows, long quarantined, String outs, String why) {
        return new RunRecord(runId, job, trigger, requestId, options, dueAt, startedAt, ended, newStatus, rows,
                quarantined, outs, why, host, pid);
    }
}
