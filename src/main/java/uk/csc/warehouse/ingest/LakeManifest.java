package uk.csc.warehouse.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.CrashPoint;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.OwnerOnly;

/**
 * The lake's commit log. A load writes its Parquet into {@code load_id=<id>} partitions that nothing reads;
 * it becomes real only when {@code lake/_loads/<id>.csv} (one row per file) is renamed into place: a single
 * atomic step. A crash before that leaves the lake as the last committed load left it, and {@link #recover()}
 * clears the debris and hands the delivered files back to the inbox, so the next run redoes the load without
 * anyone touching anything. The same file delivered again (same table, same SHA-256) is recognised here.
 */
public final class LakeManifest {
    private static final Logger LOG = LoggerFactory.getLogger(LakeManifest.class);
    static final String[] COLUMNS = {"load_id", "committed_at", "source", "table_name", "file_name", "sha256",
        "size_bytes", "extract_date", "partition", "status", "rows_read", "rows_loaded", "rows_quarantined",
        "quarantine_reasons", "warnings", "millis"};

    private final DataDir dataDir;

    public LakeManifest(DataDir dataDir) {
        this.dataDir = dataDir;
    }

    public Path loadsDir() {
        return dataDir.lake().resolve("_loads");
    }

    /** Where a load parks delivered files until it commits. */
    public Path pendingArchive(String loadId) {
        return dataDir.archive().resolve(".pending").resolve(loadId);
    }

    public Path partition(ExtractFile file, String loadId) {
        return dataDir.lake().resolve(file.source()).resolve(file.table())
                .resolve("extract_date=" + file.extractDate()).resolve("load_id=" + loadId);
    }

    public boolean isCommitted(String loadId) {
        return Files.exists(loadsDir().resolve(loadId + ".csv"));
    }

    /** Keys {@code source/table/sha256} of every file a committed load took in. */
    public Set<String> committedFiles() throws IOException {
        Set<String> keys = new HashSet<>();
        if (!Files.isDirectory(loadsDir())) {
            return keys;
        }
        try (Stream<Path> files = Files.list(loadsDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(f)) {
                    for (NamedCsvRecord r : csv) {
                        if (!"QUARANTINED".equals(r.getField("status"))) {
                            keys.add(key(r.getField("source"), r.getField("table_name"), r.getField("sha256")));
                        }
                    }
                }
            }
        }
        return keys;
    }

    static String key(String source, String table, String sha256) {
        return source + "/" + table + "/" + sha256;
    }

    /** Writes the load's manifest beside its name and renames it into place: the commit. */
    public void commit(String loadId, List<LoadReport.FileResult> results) throws IOException {
        OwnerOnly.createDirectories(loadsDir());
        Path target = loadsDir().resolve(loadId + ".csv");
        Path tmp = loadsDir().resolve("." + loadId + ".csv.tmp");
        String committedAt = Instant.now().toString();
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(COLUMNS);
            for (LoadReport.FileResult r : results) {
                csv.writeRecord(loadId, committedAt, r.source(), r.table(), r.file(), nz(r.sha256()),
                        String.valueOf(r.sizeBytes()), nz(r.extractDate()),
                        r.partition() == null ? "" : dataDir.lake().relativize(r.partition()).toString().replace('\\', '/'),
                        r.status().name(), String.valueOf(r.rowsRead()), String.valueOf(r.rowsLoaded()),
                        String.valueOf(r.rowsQuarantined()), r.reasonsText(), String.join("; ", r.warnings()),
                        String.valueOf(r.millis()));
            }
        }
        OwnerOnly.restrict(tmp);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        CrashPoint.reached("ingest.after-commit");
        finishArchive(loadId);
    }

    /** Puts the world back to the last commit: run before every load. */
    public void recover() throws IOException {
        Path pendingRoot = dataDir.archive().resolve(".pending");
        if (Files.isDirectory(pendingRoot)) {
            try (Stream<Path> loads = Files.list(pendingRoot)) {
                for (Path load : loads.toList()) {
                    String loadId = load.getFileName().toString();
                    if (isCommitted(loadId)) {
                        finishArchive(loadId);
                    } else {
                        returnToInbox(load);
                        LOG.warn("recovered from an interrupted load {}: its files are back in the inbox", loadId);
                    }
                }
            }
        }
        deleteUncommittedPartitions();
        deleteUncommittedQuarantineRows();
        deleteScratch();
    }

    /** An unfinished load's scratch copies (e.g. Windows-1252 files re-encoded as UTF-8) hold personal data: clear them. */
    private void deleteScratch() throws IOException {
        Path work = dataDir.root().resolve(".work");
        if (!Files.isDirectory(work)) {
            return;
        }
        boolean debris;
        try (Stream<Path> s = Files.list(work)) {
            debris = s.findAny().isPresent();
        }
        deleteTree(work);
        if (debris) {
            LOG.warn("removed an unfinished load's scratch files from {}", work);
        }
    }

    /** Row-level quarantine files are named {@code <load id>__<file>...}; an unfinished load's are redone. */
    private void deleteUncommittedQuarantineRows() throws IOException {
        if (!Files.isDirectory(dataDir.quarantine())) {
            return;
        }
        List<Path> debris = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dataDir.quarantine(), 3)) {
            all.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                int sep = name.indexOf("__");
                if (sep > 0 && name.matches("^\\d{8}T\\d{6}-[0-9a-f]{4}__.*") && !isCommitted(name.substring(0, sep))) {
                    debris.add(p);
                }
            });
        }
        for (Path p : debris) {
            Files.deleteIfExists(p);
        }
    }

    private void finishArchive(String loadId) throws IOException {
        moveTree(pendingArchive(loadId), dataDir.archive());
    }

    /**
     * Hands an interrupted load's files back to the inbox under their delivered names. A file of the same name
     * may have arrived since (tonight's pull, a council's re-delivery): that one is newer and is never
     * overwritten. The older copy is dropped when it is byte for byte the same, and otherwise kept in
     * quarantine/ with a reason, so nothing delivered is ever lost.
     */
    private void returnToInbox(Path pendingLoad) throws IOException {
        if (!Files.isDirectory(pendingLoad)) {
            return;
        }
        try (Stream<Path> sources = Files.list(pendingLoad)) {
            for (Path source : sources.filter(Files::isDirectory).toList()) {
                Path inbox = dataDir.root().resolve("inbox").resolve(source.getFileName());
                Files.createDirectories(inbox);
                try (Stream<Path> files = Files.list(source)) {
                    for (Path f : files.toList()) {
                        String stamped = f.getFileName().toString();
                        String delivered = stamped.replaceFirst("^\\d{8}T\\d{6}-", "");
                        Path dest = inbox.resolve(delivered);
                        if (!Files.exists(dest)) {
                            Files.move(f, dest);
                        } else if (Files.mismatch(f, dest) == -1) {
                            Files.delete(f);
                        } else {
                            supersede(f, source.getFileName().toString(), stamped, delivered);
                        }
                    }
                }
            }
        }
        deleteTree(pendingLoad);
    }

    private void supersede(Path older, String source, String stamped, String delivered) throws IOException {
        Path dir = dataDir.quarantine().resolve(source);
        OwnerOnly.createDirectories(dir);
        Files.move(OwnerOnly.restrict(older), dir.resolve(stamped), StandardCopyOption.REPLACE_EXISTING);
        OwnerOnly.writeString(dir.resolve(stamped + ".reason.txt"), delivered + ": superseded: an interrupted load"
                + " took this file, and a different file of the same name arrived in the inbox before the load could"
                + " be redone; the newer file is loaded, this one is kept here as delivered" + System.lineSeparator());
        LOG.warn("{}/{} from an interrupted load was superseded by a newer delivery of the same name; the older"
                + " copy is in quarantine/{}/{}", source, delivered, source, stamped);
    }

    /** Moves {@code from/<source>/<file>} to {@code to/<source>/<file>} (names carry their arrival stamp), then removes {@code from}. */
    private static void moveTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> sources = Files.list(from)) {
            for (Path source : sources.filter(Files::isDirectory).toList()) {
                Path dest = to.resolve(source.getFileName());
                OwnerOnly.createDirectories(dest);
                try (Stream<Path> files = Files.list(source)) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        Files.move(OwnerOnly.restrict(f), dest.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        deleteTree(from);
    }

    private void deleteUncommittedPartitions() throws IOException {
        if (!Files.isDirectory(dataDir.lake())) {
            return;
        }
        List<Path> debris = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dataDir.lake(), 4)) {
            all.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith("load_id="))
                    .filter(p -> !isCommitted(p.getFileName().toString().substring("load_id=".length())))
                    .forEach(debris::add);
        }
        for (Path p : debris) {
            deleteTree(p);
            LOG.warn("removed uncommitted lake partition {}", dataDir.lake().relativize(p));
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
