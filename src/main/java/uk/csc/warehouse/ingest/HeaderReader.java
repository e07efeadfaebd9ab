package uk.csc.warehouse.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;

/** Reads an extract's header row (FileFacts has already refused empty and binary files). */
final class HeaderReader {
    private static final int SNIFF_BYTES = 64 * 1024;

    private HeaderReader() {}

    static List<String> read(ExtractFile file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file.path())) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        int start = startsWithUtf8Bom(head) ? 3 : 0;
        // The header is ASCII in every contract, so decoding it as UTF-8 is safe even for Windows-1252 files.
        String text = new String(head, start, head.length - start, StandardCharsets.UTF_8);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(text))) {
            Iterator<CsvRecord> it = reader.iterator();
            if (!it.hasNext()) {
                throw new ContractViolation(file.fileName(), 1, null, "no header row");
            }
            return it.next().getFields().stream().map(String::trim).toList();
        }
    }

    static boolean startsWithUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }
}
