package uk.csc.warehouse.ingest.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one pull of the remote sources delivered into the inbox: per source and kind, the files delivered
 * and, if it failed, why (naming host or database and folder or table, never credentials). A failed source
 * does not stop the others; what did arrive is in the inbox for the drop-folder route.
 */
public final class PullReport {

    public enum Kind { SFTP, JDBC }

    /**
     * @param delivered file names now in {@code inbox/<source>/}, in delivery order
     * @param rows      rows written per delivered file (JDBC); empty for SFTP
     * @param failure   null when the pull succeeded
     * @param permanent the failure is a refusal that retrying cannot cure (host key, login, missing folder or
     *                  table, no driver): never retried; false for an unreachable server (temporary)
     */
    public record SourceResult(String source, Kind kind, List<String> delivered, List<Long> rows, String failure,
                               long millis, boolean permanent) {
        public SourceResult {
            delivered = List.copyOf(delivered);
            rows = List.copyOf(rows);
        }

        public boolean ok() {
            return failure == null;
        }
    }

    private final List<SourceResult> results = new ArrayList<>();

    public synchronized void add(SourceResult r) {
        results.add(r);
    }

    public synchronized List<SourceResult> results() {
        return List.copyOf(results);
    }

    public synchronized List<SourceResult> failures() {
        return results.stream().filter(r -> !r.ok()).toList();
    }

    /** Some source refused us (see {@link SourceResult#permanent()}): trying the round again cannot help. */
    public synchronized boolean refused() {
        return failures().stream().anyMatch(SourceResult::permanent);
    }

    public synchronized boolean ok() {
        return results.stream().allMatch(SourceResult::ok);
    }

    /** Files delivered for one source, over every kind. */
    public synchronized List<String> delivered(String source) {
        return results.stream().filter(r -> r.source().equals(source)).flatMap(r -> r.delivered().stream()).toList();
    }

    public synchronized int filesDelivered() {
        return results.stream().mapToInt(r -> r.delivered().size()).sum();
    }

    public synchronized Optional<SourceResult> result(String source, Kind kind) {
        return results.stream().filter(r -> r.source().equals(source) && r.kind() == kind).findFirst();
    }
}
