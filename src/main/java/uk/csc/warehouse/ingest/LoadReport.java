package uk.csc.warehouse.ingest;

import java.util.ArrayList;
import java.util.List;

/** What happened to each file in one load; printed at the end and kept as a table in the warehouse. */
public final class LoadReport {

    public enum Status { LOADED, QUARANTINED }

    public record FileResult(String source, String table, String file, String extractDate, Status status,
                             long rowsLoaded, String reason, List<String> warnings, long millis) {
    }

    private final List<FileResult> results = new ArrayList<>();

    public synchronized void add(FileResult r) {
        results.add(r);
    }

    public synchronized List<FileResult> results() {
        return List.copyOf(results);
    }

    public synchronized List<FileResult> quarantined() {
        return results.stream().filter(r -> r.status() == Status.QUARANTINED).toList();
    }

    public synchronized long rowsLoaded() {
        return results.stream().mapToLong(FileResult::rowsLoaded).sum();
    }
}
