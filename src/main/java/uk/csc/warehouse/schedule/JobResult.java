package uk.csc.warehouse.schedule;

import java.util.List;

/**
 * What a finished job reports for the ledger: counts and file names only, never values from the data.
 * {@code warning} non-null makes the run "partial" (it did its work, but someone should look: e.g. a file
 * was quarantined and its table keeps the last good snapshot).
 */
public record JobResult(long rowsLoaded, long filesQuarantined, List<String> outputs, String warning) {
    public JobResult {
        outputs = List.copyOf(outputs);
    }

    public static JobResult ok(List<String> outputs) {
        return new JobResult(0, 0, outputs, null);
    }

    public static JobResult ok() {
        return ok(List.of());
    }
}
