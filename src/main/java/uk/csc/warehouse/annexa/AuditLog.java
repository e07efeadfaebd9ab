package uk.csc.warehouse.annexa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Append-only record of every identifiable extract made from the warehouse: {@code DIR/ops/audit.csv}. The
 * warehouse file itself is read-only for analysts and rebuilt nightly, so the log lives beside it. A row says
 * who (OS user), when, what (action, template, as-at date, window), where the file went and how many rows
 * each list held; never any of the file's contents.
 */
public final class AuditLog {
    public static final List<String> HEADER = List.of("created_at", "os_user", "action", "template", "as_at_date",
            "window_start", "window_end", "file", "rows_total", "rows_by_list");

    private AuditLog() {}

    public static Path file(Path dataDirRoot) {
        return dataDirRoot.resolve("ops").resolve("audit.csv");
    }

    public static synchronized void append(Path dataDirRoot, List<String> values) throws IOException {
        if (values.size() != HEADER.size()) {
            throw new IllegalArgumentException("audit row needs " + HEADER.size() + " values");
        }
        Path f = file(dataDirRoot);
        Files.createDirectories(f.getParent());
        if (!Files.exists(f)) {
            try {
                Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(f);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it first
            }
            if (Files.size(f) == 0) {
                Files.writeString(f, line(HEADER), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        }
        Files.writeString(f, line(values), StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    private static String line(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            if (v.matches("^[=+\\-@\\t\\r].*")) {
                v = "'" + v; // never a formula when someone opens the log in Excel
            }
            b.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return b.append('\n').toString();
    }
}
