package uk.csc.warehouse.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts one read of a file gives, on small files worked out by hand: where a quote opens a quoted value (only at
 * the start of a field, which the scan learns from the last byte of a run of ordinary text) and the checksum, computed
 * on a second thread, over a file longer than the scan's two 1 MB buffers.
 */
class FileFactsTest {
    @TempDir
    Path dir;

    private FileFacts scan(String content) throws Exception {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return FileFacts.scan(f);
    }

    @Test
    void aQuoteAfterACommaOpensAQuotedValueWhoseLineBreakShiftsLaterLines() throws Exception {
        FileFacts f = scan("id,note\nP1,\"two\nlines\"\nP2,x\n");
        // physical lines 1-4, record lines 1-3: record 3 (P2) sits on line 4
        assertEquals(4, f.lineBreaks());
        assertEquals(3, f.recordLines());
        assertArrayEquals(new long[] {3}, f.shiftFrom());
        assertEquals(4, f.physicalLine(3));
        assertFalse(f.endsInsideQuotes());
    }

    @Test
    void aQuoteInsideUnquotedTextIsACharacterAsDuckDbReadsIt() throws Exception {
        FileFacts f = scan("id,note\nP1,ab\"c\nP2,x\n");
        assertEquals(3, f.recordLines());
        assertFalse(f.hasEmbeddedLineBreaks());
        assertFalse(f.endsInsideQuotes());
    }

    @Test
    void aQuotedValueNeverClosedIsFoundOnTheLineItOpens() throws Exception {
        FileFacts f = scan("id,note\nP1,x\nP2, y,\"open\nP3,z\n");
        assertTrue(f.endsInsideQuotes());
        assertEquals(3, f.unclosedQuoteLine());
    }

    @Test
    void blankLinesAndAccentsAreCounted() throws Exception {
        FileFacts f = scan("id,name\nP1,Zoë\n\nP2,Renée\n");
        assertArrayEquals(new long[] {3}, f.blankRecordLines());
        assertEquals(2, f.utf8Sequences());
        assertEquals(0, f.invalidUtf8());
    }

    @Test
    void theChecksumOfAFileLongerThanBothBuffersIsItsSha256() throws Exception {
        StringBuilder csv = new StringBuilder("id,note\n");
        for (int i = 0; csv.length() < 3_500_000; i++) {
            csv.append('P').append(i).append(",\"note ").append(i % 97).append("\"\n");
        }
        FileFacts f = scan(csv.toString());
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), f.sha256());
        assertEquals(bytes.length, f.size());
        assertEquals(csv.chars().filter(c -> c == '\n').count(), f.recordLines());
    }
}
