package uk.csc.warehouse.generate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the generated extract back for assertions: each table as a list of name-to-value maps. */
final class ExtractFiles {
    private final Path inbox;

    ExtractFiles(Path dataDir) {
        this.inbox = dataDir.resolve("inbox").resolve("case");
    }

    List<Map<String, String>> rows(String table) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(inbox.resolve(table + ".csv"))) {
            for (NamedCsvRecord r : reader) {
                rows.add(r.getFieldsAsMap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static LocalDate date(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? null : LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    }
}
