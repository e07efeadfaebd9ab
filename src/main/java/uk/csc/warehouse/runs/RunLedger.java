package uk.csc.warehouse.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * Every run of every job, in its own small DuckDB file {@code DIR/ops/run_ledger.duckdb}: never in the
 * published warehouse, which analysts hold open read-only. Each call opens, writes or reads, and closes, so
 * the file is locked for milliseconds and {@code status} from another process can read it; a call that
 * meets the other process's lock waits a little and tries again.
 */
public final class RunLedger {
    private static final Object JVM_LOCK = new Object();
    private static final long LOCK_RETRY_MILLIS = 30_000;
    private static final String COLUMNS = "run_id, job, trigger, request_id, options, due_at, started_at, ended_at, "
            + "status, rows_loaded, files_quarantined, outputs, reason, host, pid";
    private static final String SELECT = "SELECT run_id, job, trigger, request_id, options, epoch_ms(due_at), "
            + "epoch_ms(started_at), epoch_ms(ended_at), status, rows_loaded, files_quarantined, outputs, reason, "
            + "host, pid FROM run_ledger ";

    /** What a reader is told about a run whose row says running but whose process no longer holds the folder. */
    public static final String GONE = "its process ended before the run could record its end (killed, or the machine "
            + "stopped); the last good warehouse stays published";

    private final Path file;
    private final DataDir dataDir;

    public RunLedger(Path file) {
        this(file, null);
    }

    private RunLedger(Path file, DataDir dataDir) {
        this.file = file.toAbsolutePath();
        this.dataDir = dataDir;
    }

    public static RunLedger of(DataDir dataDir) {
        return new RunLedger(dataDir.root().resolve("ops").resolve("run_ledger.duckdb"), dataDir);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    public void insert(RunRecord r) throws SQLException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_ledger (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, make_timestamptz(? * 1000), make_timestamptz(? * 1000), "
                    + "make_timestamptz(? * 1000), ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, r);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records how a run ended (status, counts, outputs, reason). */
    public void finish(RunRecord r) throws SQLException {
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE run_ledger SET ended_at = make_timestamptz(? * 1000), "
                    + "status = ?, rows_loaded = ?, files_quarantined = ?, outputs = ?, reason = ? WHERE run_id = ?")) {
                setMillis(ps, 1, r.endedAt());
                ps.setString(2, r.status());
                ps.setLong(3, r.rowsLoaded());
                ps.setLong(4, r.filesQuarantined());
                ps.setString(5, r.outputs());
                ps.setString(6, r.reason());
                ps.setString(7, r.runId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Marks runs still "running" as interrupted: only those of process {@code pid} when given, and never
     * {@code keepRunId} (a run another live process holds the data folder for). Used at start-up (a row left
     * running means its process died before it could record the end) and when a shutdown times out.
     */
    public int markInterrupted(String reason, Long pid, String keepRunId) throws SQLException {
        if (!exists()) {
            return 0;
        }
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE run_ledger SET status = 'interrupted', "
                    + "ended_at = coalesce(ended_at, now()), reason = ? WHERE status = 'running' AND run_id <> ?"
                    + (pid == null ? "" : " AND pid = " + pid.longValue()))) {
                ps.setString(1, reason);
                ps.setString(2, keepRunId == null ? "" : keepRunId);
                return ps.executeUpdate();
            }
        });
    }

    /** The latest runs of all jobs, newest first. */
    public List<RunRecord> recent(int limit) throws SQLException {
        return query("ORDER BY started_at DESC, run_id DESC LIMIT " + limit, null);
    }

    /** The latest runs of one job, newest first. */
    public List<RunRecord> recent(String job, int limit) throws SQLException {
        return query("WHERE job = ? ORDER BY started_at DESC, run_id DESC LIMIT " + limit, job);
    }

    /** Every job with a run on record. */
    public List<String> jobs() throws SQLException {
        if (!exists()) {
            return List.of();
        }
        try {
            return read(c -> {
                List<String> jobs = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT DISTINCT job FROM run_ledger ORDER BY job")) {
                    while (rs.next()) {
                        jobs.add(rs.getString(1));
                    }
                }
                return jobs;
            });
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("run_ledger does not exist")) {
                return List.of();
            }
            throw e;
        }
    }

    public Optional<RunRecord> get(String runId) throws SQLException {
        List<RunRecord> r = query("WHERE run_id = ?", runId);
        return r.stream().findFirst();
    }

    /** The job's latest run that did its work (succeeded or partial). */
    public Optional<RunRecord> lastCompleted(String job) throws SQLException {
        return query("WHERE job = ? AND status IN ('succeeded', 'partial') ORDER BY started_at DESC LIMIT 1", job)
                .stream().findFirst();
    }

    /** The job's latest run that was not a skipped fire. */
    public Optional<RunRecord> lastAttempt(String job) throws SQLException {
        return query("WHERE job = ? AND status <> 'skipped' ORDER BY started_at DESC LIMIT 1", job).stream().findFirst();
    }

    /**
     * A run of the job that already answers a fire due at {@code due}: one that was in progress at that
     * moment, or started at or after it. A second trigger for the same moment, or a fire that was held back
     * while the job was still running, finds it and is skipped.
     */
    public Optional<RunRecord> covering(String job, Instant due) throws SQLException {
        if (!exists()) {
            return Optional.empty();
        }
        for (RunRecord r : recent(job, 50)) {
            if (RunRecord.SKIPPED.equals(r.status())) {
                continue;
            }
            boolean startedSince = !r.startedAt().isBefore(due);
            boolean inProgressAtDue = !r.startedAt().isAfter(due)
                    && (r.endedAt() == null ? !r.finished() : !r.endedAt().isBefore(due));
            if (startedSince || inProgressAtDue) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private List<RunRecord> query(String where, String param) throws SQLException {
        if (!exists()) {
            return List.of();
        }
        try {
            return seenAlive(readRows(where, param));
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("run_ledger does not exist")) {
                return List.of(); // the file was created but no run recorded yet
            }
            throw e;
        }
    }

    /**
     * A run is only running while its process holds the data folder's lock (taken before the row is written,
     * released after its end is recorded). A row still saying running when the lock is free, or held by another
     * run, was left by a process that died: every reader (status, catch-up, requests) sees it as interrupted.
     */
    private List<RunRecord> seenAlive(List<RunRecord> rows) {
        if (dataDir == null || rows.stream().noneMatch(r -> RunRecord.RUNNING.equals(r.status()))) {
            return rows;
        }
        String live = DataDirLock.holder(dataDir).map(DataDirLock.Holder::runId).orElse(null);
        return rows.stream().map(r -> RunRecord.RUNNING.equals(r.status()) && !r.runId().equals(live)
                ? r.finish(r.endedAt(), RunRecord.INTERRUPTED, r.rowsLoaded(), r.filesQuarantined(), r.outputs(), GONE)
                : r).toList();
    }

    private List<RunRecord> readRows(String where, String param) throws SQLException {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
                if (param != null) {
                    ps.setString(1, param);
                }
                List<RunRecord> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new RunRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getString(9),
                                rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getString(13), rs.getString(14),
                                rs.getLong(15)));
                    }
                }
                return rows;
            }
        });
    }

    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Open, create the table if new, do the work, close; retry briefly if another process has the file. */
    private <T> T write(Work<T> work) throws SQLException {
        return withRetry(work, false);
    }

    /**
     * Reads open the file read-only: many readers may hold it at once (status, the build copying it into
     * ops.run_ledger, an analyst), where a read-write open would lock every other process out, so a
     * {@code status} from cron at the wrong moment could fail the nightly's build.
     */
    private <T> T read(Work<T> work) throws SQLException {
        return withRetry(work, true);
    }

    private <T> T withRetry(Work<T> work, boolean readOnly) throws SQLException {
        synchronized (JVM_LOCK) {
            long deadline = System.currentTimeMillis() + LOCK_RETRY_MILLIS;
            while (true) {
                try {
                    Files.createDirectories(file.getParent());
                    try (Connection c = readOnly ? DuckDb.readOnly(file) : DuckDb.file(file)) {
                        if (!readOnly) {
                            ensureTable(c);
                        }
                        return work.apply(c);
                    }
                } catch (SQLException e) {
                    String m = String.valueOf(e.getMessage());
                    if (!m.contains("lock") || System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                } catch (IOException e) {
                    throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the run ledger", ie);
                }
            }
        }
    }

    private static void ensureTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS run_ledger (run_id VARCHAR NOT NULL, job VARCHAR NOT NULL, "
                    + "trigger VARCHAR NOT NULL, request_id VARCHAR, options VARCHAR, due_at TIMESTAMPTZ, "
                    + "started_at TIMESTAMPTZ NOT NULL, ended_at TIMESTAMPTZ, status VARCHAR NOT NULL, "
                    + "rows_loaded BIGINT, files_quarantined BIGINT, outputs VARCHAR, reason VARCHAR, host VARCHAR, "
                    + "pid BIGINT)");
            st.execute("COMMENT ON TABLE run_ledger IS 'One row per run of a scheduled, requested or command-line "
                    + "job (or per skipped fire): what ran, why, when, how it ended. Counts and file names only.'");
        }
    }

    private static void bind(PreparedStatement ps, RunRecord r) throws SQLException {
        ps.setString(1, r.runId());
        ps.setString(2, r.job());
        ps.setString(3, r.trigger());
        ps.setString(4, r.requestId());
        ps.setString(5, r.options());
        setMillis(ps, 6, r.dueAt());
        setMillis(ps, 7, r.startedAt());
        setMillis(ps, 8, r.endedAt());
        ps.setString(9, r.status());
        ps.setLong(10, r.rowsLoaded());
        ps.setLong(11, r.filesQuarantined());
        ps.setString(12, r.outputs());
        ps.setString(13, r.reason());
        ps.setString(14, r.host());
        ps.setLong(15, r.pid());
    }

    private static void setMillis(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, java.sql.Types.BIGINT);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
