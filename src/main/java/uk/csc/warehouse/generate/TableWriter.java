package uk.csc.warehouse.generate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One extract CSV, written to a hidden temp name and moved into place on close, so a folder watcher
 * never picks up half a file. Columns follow the contract order; values are bound by column name so a
 * contract reorder cannot shift data into the wrong column.
 */
final class TableWriter implements AutoCloseable {
    private final String table;
    private final Path target;
    private final Path temp;
    private final List<String> columns;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final CsvWriter csv;
    private long rows;

    TableWriter(String table, List<String> columns, Path folder) throws IOException {
        this.table = table;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            indexByName.put(columns.get(i), i);
        }
        this.target = folder.resolve(table + ".csv");
        this.temp = folder.resolve("." + table + ".csv.tmp");
        this.csv = CsvWriter.builder().fieldSeparator(',').quoteCharacter('"')
                .lineDelimiter(LineDelimiter.LF).bufferSize(64 * 1024)
                .build(temp, StandardCharsets.UTF_8);
        csv.writeRecord(this.columns);
    }

    String table() {
        return table;
    }

    Path target() {
        return target;
    }

    long rows() {
        return rows;
    }

    Row row() {
        return new Row(this);
    }

    void write(String[] values) {
        csv.writeRecord(values);
        rows++;
    }

    /** Publishes the finished file under its real name in one step. */
    void commit() throws IOException {
        csv.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Abandons a file that failed part way, so no partial extract is ever published. */
    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A row being filled in; unset columns are written as empty strings (the extract's null). */
    static final class Row {
        private final TableWriter writer;
        private final String[] values;

        private Row(TableWriter writer) {
            this.writer = writer;
            this.values = new String[writer.columns.size()];
            java.util.Arrays.fill(values, "");
        }

        Row set(String column, Object value) {
            Integer i = writer.indexByName.get(column);
            if (i == null) {
                throw new IllegalArgumentException(writer.table + " has no column " + column);
            }
            values[i] = value == null ? "" : Clock.format(value);
            return this;
        }

        String get(String column) {
            return values[writer.indexByName.get(column)];
        }

        TableWriter writer() {
            return writer;
        }

        void writeNow() {
            writer.write(values);
        }
    }
}
