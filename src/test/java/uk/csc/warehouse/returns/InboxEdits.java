package uk.csc.warehouse.returns;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Edits one extract in an inbox as a case-system user's mistake would: rows changed, added or removed. */
final class InboxEdits {
    private final Path file;
    private final List<String> header;
    private final List<Map<String, String>> rows = new ArrayList<>();

    private InboxEdits(Path file) throws IOException {
        this.file = file;
        try (CsvReader<NamedCsvRecord> r = CsvReader.builder().ofNamedCsvRecord(file)) {
            List<String> h = null;
            for (NamedCsvRecord rec : r) {
                h = rec.getHeader();
                Map<String, String> row = new LinkedHashMap<>();
                for (String col : h) {
                    row.put(col, rec.getField(col));
                }
                rows.add(row);
            }
            this.header = h;
        }
    }

    static InboxEdits of(Path inbox, String table) throws IOException {
        try (var files = Files.list(inbox)) {
            Path f = files.filter(p -> p.getFileName().toString().endsWith(table + ".csv")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + table + " in " + inbox));
            return new InboxEdits(f);
        }
    }

    int change(Predicate<Map<String, String>> which, Consumer<Map<String, String>> edit) {
        int n = 0;
        for (Map<String, String> row : rows) {
            if (which.test(row)) {
                edit.accept(row);
                n++;
            }
        }
        return n;
    }

    int remove(Predicate<Map<String, String>> which) {
        int before = rows.size();
        rows.removeIf(which);
        return before - rows.size();
    }

    Map<String, String> first(Predicate<Map<String, String>> which) {
        return rows.stream().filter(which).findFirst().orElseThrow();
    }

    void add(Map<String, String> row) {
        rows.add(new LinkedHashMap<>(row));
    }

    void save() throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CsvWriter csv = CsvWriter.builder().build(w)) {
            csv.writeRecord(header);
            for (Map<String, String> row : rows) {
                csv.writeRecord(header.stream().map(c -> row.getOrDefault(c, "")).toList());
            }
        }
    }
}
