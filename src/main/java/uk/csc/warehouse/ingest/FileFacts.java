package uk.csc.warehouse.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one sequential read of a delivered file tells us before DuckDB parses it: its checksum (a re-delivered
 * file changes nothing), whether it is text at all, and whether it was cut off inside a quoted field (DuckDB
 * would drop such a last record silently, losing a row).
 */
public record FileFacts(long size, String sha256, long lineBreaks, long quotes, boolean endsWithLineBreak,
                        long firstNulOffset, FileTime modified) {

    private static final int BUFFER = 1 << 20;

    public static FileFacts scan(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        long lineBreaks = 0;
        long quotes = 0;
        long firstNul = -1;
        byte last = 0;
        byte[] buf = new byte[BUFFER];
        // Taken before the read: a write during the read changes it, and the load then refuses the file.
        FileTime modified = Files.getLastModifiedTime(file);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        lineBreaks++;
                    } else if (b == '"') {
                        quotes++;
                    } else if (b == 0 && firstNul < 0) {
                        firstNul = size + i;
                    }
                }
                last = buf[n - 1];
                size += n;
            }
        }
        return new FileFacts(size, HexFormat.of().formatHex(sha.digest()), lineBreaks, quotes,
                last == '\n' || last == '\r', firstNul, modified);
    }

    /** An odd number of quote characters means the file ends inside a quoted field: it was truncated. */
    public boolean endsInsideQuotes() {
        return quotes % 2 != 0;
    }
}
