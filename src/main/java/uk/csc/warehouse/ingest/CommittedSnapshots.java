package uk.csc.warehouse.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest committed snapshot of each table: the partition of the latest extract date, and among loads of
 * the same date the latest committed (a corrected re-extract replaces the first). Older snapshots stay in the
 * lake as history; this is what the marts read.
 */
public final class CommittedSnapshots {
    public record Snapshot(String source, String table, String extractDate, String committedAt, Path parquet) {
    }

    private final Map<String, Snapshot> latest;

    private CommittedSnapshots(Map<String, Snapshot> latest) {
        this.latest = latest;
    }

    public static CommittedSnapshots read(Path lakeRoot) {
        Map<String, Snapshot> latest = new HashMap<>();
        Path loads = lakeRoot.resolve("_loads");
        if (!Files.isDirectory(loads)) {
            return new CommittedSnapshots(latest);
        }
        try (Stream<Path> files = Files.list(loads)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(f)) {
                    for (NamedCsvRecord r : csv) {
                        if (!"LOADED".equals(r.getField("status"))) {
                            continue;
                        }
                        Snapshot s = new Snapshot(r.getField("source"), r.getField("table_name"),
                                r.getField("extract_date"), r.getField("committed_at"),
                                lakeRoot.resolve(r.getField("partition")).resolve(r.getField("table_name") + ".parquet"));
                        latest.merge(s.source() + "/" + s.table(), s, CommittedSnapshots::newer);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommittedSnapshots(latest);
    }

    private static Snapshot newer(Snapshot a, Snapshot b) {
        int byDate = a.extractDate().compareTo(b.extractDate());
        if (byDate != 0) {
            return byDate > 0 ? a : b;
        }
        return a.committedAt().compareTo(b.committedAt()) >= 0 ? a : b;
    }

    public Optional<Path> latest(String source, String table) {
        return find(source, table).map(Snapshot::parquet);
    }

    /**
     * Of the snapshots the marts read for {@code source}, the one committed last: when that source's data last
     * changed. A night that loads nothing new (an empty inbox, the same file again) does not move it.
     */
    public Optional<Snapshot> newest(String source) {
        return latest.values().stream().filter(s -> s.source().equals(source))
                .max(java.util.Comparator.comparing(s -> java.time.Instant.parse(s.committedAt())));
    }

    public Optional<Snapshot> find(String source, String table) {
        return Optional.ofNullable(latest.get(source + "/" + table));
    }
}
