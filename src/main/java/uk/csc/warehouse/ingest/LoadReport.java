package uk.csc.warehouse.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What happened to each file in one load; committed as the lake manifest, printed, and kept in the warehouse. */
public final class LoadReport {

    /** LOADED: in the lake (some rows may be quarantined); DUPLICATE: same bytes already loaded; QUARANTINED: whole file refused. */
    public enum Status { LOADED, DUPLICATE, QUARANTINED }

    public record FileResult(String source, String table, String file, String extractDate, Status status,
                             long rowsRead, long rowsLoaded, long rowsQuarantined, Map<String, Long> reasons,
                             String reason, List<String> warnings, long millis, String sha256, long sizeBytes,
                             Path partition, Path quarantinedRows) {

        public FileResult {
            reasons = reasons == null ? Map.of() : new LinkedHashMap<>(reasons);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** Quarantine reasons with counts, e.g. "not a date: 3; required value missing: 1", or the file's reason. */
        public String reasonsText() {
            if (reason != null) {
                return reason;
            }
            return reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
        }

        /** The same result after a later check moved {@code more} rows to quarantine for {@code why}. */
        FileResult withMoreQuarantined(long more, String why, Path rowsFile) {
            Map<String, Long> r = new LinkedHashMap<>(reasons);
            r.merge(why, more, Long::sum);
            return new FileResult(source, table, file, extractDate, status, rowsRead, rowsLoaded - more,
                    rowsQuarantined + more, r, reason, warnings, millis, sha256, sizeBytes, partition, rowsFile);
        }
    }

    private final List<FileResult> results = new ArrayList<>();

    public synchronized void add(FileResult r) {
        results.add(r);
    }

    synchronized void replace(FileResult old, FileResult updated) {
        results.set(results.indexOf(old), updated);
    }

    public synchronized List<FileResult> results() {
        return List.copyOf(results);
    }

    public synchronized List<FileResult> quarantined() {
        return results.stream().filter(r -> r.status() == Status.QUARANTINED).toList();
    }

    public synchronized List<FileResult> landed() {
        return results.stream().filter(r -> r.status() == Status.LOADED).toList();
    }

    public synchronized long rowsLoaded() {
        return results.stream().mapToLong(FileResult::rowsLoaded).sum();
    }

    public synchronized long rowsQuarantined() {
        return results.stream().mapToLong(FileResult::rowsQuarantined).sum();
    }

    public synchronized long rowsRead() {
        return results.stream().mapToLong(FileResult::rowsRead).sum();
    }
}
