package uk.csc.warehouse.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What one sequential read of a delivered file tells us before DuckDB parses it: its checksum (a re-delivered
 * file changes nothing), whether it is text at all, whether it is UTF-8, how its lines end, and where its
 * records sit. DuckDB numbers records by line breaks outside quoted values ("record lines", blank lines
 * included); a text editor counts every line break. The two differ only where a quoted value holds a line break,
 * so the scan keeps just those places ({@link #shiftFrom}/{@link #shift}) and the blank lines, both sparse: a clean
 * file keeps nothing and its record n (header = 1) is simply line n.
 *
 * @param unclosedQuoteLine line where a quoted value opens that the file never closes, or -1
 * @param mixedEndingLine   first line whose line break differs from the first line's (CRLF vs LF), or -1
 * @param utf8Sequences     well-formed multi-byte UTF-8 characters (accented letters written as UTF-8)
 * @param invalidUtf8       bytes that cannot be UTF-8 (e.g. a Windows-1252 é); {@code firstInvalidUtf8Line} has the first
 * @param recordLines       DuckDB's count of lines: record lines, blank ones included, header included
 * @param blankRecordLines  record-line numbers of blank lines (DuckDB skips them but counts them)
 * @param shiftFrom         record-line numbers from which {@code shift[i]} more physical lines have passed
 */
public record FileFacts(long size, String sha256, long lineBreaks, boolean endsWithLineBreak, long firstNulOffset,
                        FileTime modified, long unclosedQuoteLine, long mixedEndingLine, long utf8Sequences,
                        long invalidUtf8, long firstInvalidUtf8Line, long recordLines, long[] blankRecordLines,
                        long[] shiftFrom, long[] shift) {

    private static final int BUFFER = 1 << 20;
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    public static FileFacts scan(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        long line = 1;
        long recordLine = 1;
        long firstNul = -1;
        int state = FIELD_START;
        long quoteOpenedOn = -1;
        boolean lineHasContent = false;
        int firstEnding = 0; // 1 = LF, 2 = CRLF
        long mixedAt = -1;
        int pending = 0; // UTF-8 continuation bytes still expected
        long utf8 = 0;
        long invalid = 0;
        long firstInvalidLine = -1;
        long crAt = -2; // offset of the last carriage return, to tell CRLF from LF
        byte last = 0;
        LongList blanks = new LongList();
        LongList shiftFrom = new LongList();
        LongList shift = new LongList();
        // The checksum is computed on a second thread, one buffer behind the scan: the two cost about the same, and
        // while the scan runs DuckDB is not yet reading this file.
        byte[][] buffers = {new byte[BUFFER], new byte[BUFFER]};
        ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "file-facts-sha256");
            t.setDaemon(true);
            return t;
        });
        Future<?> hashing = null;
        int turn = 0;
        // Taken before the read: a write during the read changes it, and the load then refuses the file.
        FileTime modified = Files.getLastModifiedTime(file);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            byte[] buf = buffers[turn];
            while ((n = in.read(buf)) > 0) {
                await(hashing); // it read the other buffer; this one's last hash was awaited a turn ago
                byte[] chunk = buf;
                int length = n;
                hashing = hasher.submit(() -> sha.update(chunk, 0, length));
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b >= ' ' && b != '"') {
                        // A run of printable ASCII other than the quote (text, digits, spaces, commas): nearly every
                        // byte, two comparisons each. Outside a quoted value each of them sets the state alone (a comma
                        // starts a field, anything else is unquoted text), so the run's last byte decides it; inside
                        // one they change nothing.
                        if (pending > 0) {
                            pending = 0;
                            invalid++;
                            firstInvalidLine = firstInvalidLine < 0 ? line : firstInvalidLine;
                        }
                        int j = i + 1;
                        while (j < n && buf[j] >= ' ' && buf[j] != '"') {
                            j++;
                        }
                        lineHasContent = true;
                        if (state != QUOTED) {
                            state = buf[j - 1] == ',' ? FIELD_START : UNQUOTED;
                        }
                        i = j - 1;
                        continue;
                    }
                    if (b < 0) {
                        // Non-ASCII: check the UTF-8 shape (lead byte, then its continuation bytes).
                        int u = b & 0xFF;
                        if (pending > 0 && u < 0xC0) {
                            if (--pending == 0) {
                                utf8++;
                            }
                        } else {
                            if (pending > 0) {
                                invalid++;
                                firstInvalidLine = firstInvalidLine < 0 ? line : firstInvalidLine;
                            }
                            pending = u >= 0xC2 && u <= 0xDF ? 1 : u >= 0xE0 && u <= 0xEF ? 2 : u >= 0xF0 && u <= 0xF4 ? 3 : 0;
                            if (pending == 0) {
                                invalid++;
                                firstInvalidLine = firstInvalidLine < 0 ? line : firstInvalidLine;
                            }
                        }
                        lineHasContent = true;
                        if (state != QUOTED) {
                            state = UNQUOTED;
                        }
                        continue;
                    }
                    if (pending > 0) {
                        pending = 0;
                        invalid++;
                        firstInvalidLine = firstInvalidLine < 0 ? line : firstInvalidLine;
                    }
                    switch (b) {
                        case '\n' -> {
                            if (state == QUOTED) {
                                line++;
                                // Records after this one start one more physical line further on.
                                long from = recordLine + 1;
                                if (shiftFrom.size > 0 && shiftFrom.last() == from) {
                                    shift.setLast(line - recordLine);
                                } else {
                                    shiftFrom.add(from);
                                    shift.add(line - recordLine);
                                }
                            } else {
                                int ending = crAt == size + i - 1 ? 2 : 1;
                                if (firstEnding == 0) {
                                    firstEnding = ending;
                                } else if (ending != firstEnding && mixedAt < 0) {
                                    mixedAt = line;
                                }
                                if (!lineHasContent) {
                                    blanks.add(recordLine);
                                }
                                line++;
                                recordLine++;
                                lineHasContent = false;
                                state = FIELD_START;
                            }
                        }
                        case '\r' -> crAt = size + i; // part of a line break: content only inside a quoted value
                        case '"' -> {
                            lineHasContent = true;
                            if (state == FIELD_START) {
                                state = QUOTED;
                                quoteOpenedOn = line;
                            } else if (state == QUOTED) {
                                state = QUOTE_IN_QUOTED;
                            } else if (state == QUOTE_IN_QUOTED) {
                                state = QUOTED; // "" is an escaped quote
                            }
                            // In an unquoted value a quote is just a character, as DuckDB reads it.
                        }
                        default -> {
                            if (b == 0 && firstNul < 0) {
                                firstNul = size + i;
                            }
                            lineHasContent = true;
                            if (state != QUOTED) {
                                state = UNQUOTED;
                            }
                        }
                    }
                }
                last = buf[n - 1];
                size += n;
                turn ^= 1;
                buf = buffers[turn];
            }
            await(hashing);
        } finally {
            hasher.shutdownNow();
        }
        if (pending > 0) {
            invalid++;
            firstInvalidLine = firstInvalidLine < 0 ? line : firstInvalidLine;
        }
        boolean endsWithBreak = last == '\n' || last == '\r';
        return new FileFacts(size, HexFormat.of().formatHex(sha.digest()), line - 1, endsWithBreak, firstNul,
                modified, state == QUOTED ? quoteOpenedOn : -1, mixedAt, utf8, invalid, firstInvalidLine,
                endsWithBreak ? recordLine - 1 : recordLine, blanks.toArray(), shiftFrom.toArray(), shift.toArray());
    }

    private static void await(Future<?> hashing) throws IOException {
        if (hashing == null) {
            return;
        }
        try {
            hashing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while computing the file's checksum", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("computing the file's checksum failed", e.getCause());
        }
    }

    /** True when the file ends inside a quoted value: cut off there, or a stray quote left the value open. */
    public boolean endsInsideQuotes() {
        return unclosedQuoteLine > 0;
    }

    /** Whether record lines and physical lines differ anywhere (a quoted value holds a line break). */
    public boolean hasEmbeddedLineBreaks() {
        return shiftFrom.length > 0;
    }

    /** The line a text editor shows for DuckDB's record line {@code recordLine}. */
    public long physicalLine(long recordLine) {
        int i = Arrays.binarySearch(shiftFrom, recordLine);
        int at = i >= 0 ? i : -i - 2;
        return recordLine + (at >= 0 ? shift[at] : 0);
    }

    /** Growable long array: the sparse lists stay empty for a clean file, and cost no boxing for a messy one. */
    private static final class LongList {
        long[] items = new long[8];
        int size;

        void add(long v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        long last() {
            return items[size - 1];
        }

        void setLast(long v) {
            items[size - 1] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
