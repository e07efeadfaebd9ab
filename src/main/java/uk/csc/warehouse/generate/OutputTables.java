package uk.csc.warehouse.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;

/** Every table's writer of one source for one run: opened together, closed together, stamped with the extract date. */
final class OutputTables implements AutoCloseable {
    static final String SOURCE = "case";

    private final Map<String, TableWriter> writers = new LinkedHashMap<>();
    private final String source;
    private boolean closed;

    OutputTables(ContractCatalog catalog, Path folder) throws IOException {
        this(catalog, folder, SOURCE);
    }

    /** The writers for one source's contracts ({@code case}, {@code complaints}, {@code hr}) in {@code folder}. */
    OutputTables(ContractCatalog catalog, Path folder, String source) throws IOException {
        this.source = source;
        Files.createDirectories(folder);
        List<TableContract> contracts = new ArrayList<>(catalog.forSource(source));
        contracts.sort(java.util.Comparator.comparing(TableContract::table));
        try {
            for (TableContract c : contracts) {
                writers.put(c.table(), new TableWriter(c.table(), c.columnNames(), folder));
            }
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
    }

    TableWriter.Row row(String table) {
        TableWriter w = writers.get(table);
        if (w == null) {
            throw new IllegalArgumentException("no contract for " + source + "/" + table);
        }
        return w.row();
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        writers.forEach((t, w) -> counts.put(source + "/" + t, w.rows()));
        return counts;
    }

    /** The loader reads the file time as the extract date, so it must say asAt, not when we ran. */
    void stamp(LocalDate asAt) throws IOException {
        FileTime noon = FileTime.from(asAt.atTime(LocalTime.NOON).atZone(ZoneId.systemDefault()).toInstant());
        for (TableWriter w : writers.values()) {
            Files.setLastModifiedTime(w.target(), noon);
        }
    }

    /** Publishes every table; until this runs nothing is visible under the real file names. */
    void commit() throws IOException {
        for (TableWriter w : writers.values()) {
            w.commit();
        }
        closed = true;
    }

    @Override
    public void close() {
        if (!closed) {
            abandon();
        }
    }

    private void abandon() {
        for (TableWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException ignored) {
                // already failing; the original error is the one worth reporting
            }
        }
        closed = true;
    }
}
