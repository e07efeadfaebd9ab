package uk.csc.warehouse.returns;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import uk.csc.warehouse.annexa.AuditLog;
import uk.csc.warehouse.support.DataDir;

/**
 * One return's files for one year, written as a set: into an owner-only scratch folder beside the target,
 * then swapped into place, so a reader (or DfE's upload) never sees half a return or a mix of two runs.
 * The files hold identifiable data: folder {@code rwx------}, files {@code rw-------}; the extract is
 * recorded in {@code DIR/ops/audit.csv} (who, when, year, rows per file; never contents).
 * Default target: {@code DIR/out/returns/<return>/<year>/}.
 */
public final class ReturnFolder implements AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path target;
    private final Path scratch;
    private boolean committed;

    private ReturnFolder(Path target, Path scratch) {
        this.target = target;
        this.scratch = scratch;
    }

    public static Path defaultTarget(DataDir dataDir, String returnName, CollectionYear year) {
        return dataDir.out().resolve("returns").resolve(returnName).resolve(year.toString());
    }

    public static ReturnFolder open(DataDir dataDir, String returnName, CollectionYear year, Path outOrNull)
            throws IOException {
        Path target = (outOrNull == null ? defaultTarget(dataDir, returnName, year) : outOrNull)
                .toAbsolutePath().normalize();
        createPrivateDirectories(target.getParent());
        Path scratch = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
        restrict(scratch, OWNER_DIR);
        return new ReturnFolder(target, scratch);
    }

    /** Where to write one file of the return (in the scratch folder until {@link #commit()}). */
    public Path file(String name) {
        return scratch.resolve(name);
    }

    public Path target() {
        return target;
    }

    /** Makes every file owner-only and swaps the folder into place; the previous run's files go. */
    public void commit() throws IOException {
        try (Stream<Path> files = Files.list(scratch)) {
            for (Path f : files.toList()) {
                restrict(f, OWNER_FILE);
            }
        }
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            move(target, old);
        }
        move(scratch, target);
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(scratch);
        }
    }

    /** Appends the extract to DIR/ops/audit.csv: action {@code return_<name>}, the year as its window. */
    public static void audit(DataDir dataDir, String returnName, CollectionYear year, LocalDate asAt, Path folder,
                             Map<String, Long> rowsByFile) throws IOException {
        StringBuilder byFile = new StringBuilder();
        rowsByFile.forEach((k, v) -> byFile.append(byFile.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        AuditLog.append(dataDir.root(), List.of(
                LocalDateTime.now(ZoneId.systemDefault()).withNano(0).toString(),
                System.getProperty("user.name"),
                "return_" + returnName,
                year.toString(),
                asAt == null ? "" : asAt.toString(),
                year.start().toString(),
                year.end().toString(),
                folder.toString(),
                Long.toString(rowsByFile.values().stream().mapToLong(Long::longValue).sum()),
                byFile.toString()));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createPrivateDirectories(dir.getParent());
        Files.createDirectory(dir);
        restrict(dir, OWNER_DIR);
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the folder's own permissions are all there is
        }
    }
}
