package uk.csc.warehouse.support;

import java.nio.file.Path;

/**
 * The folders of one authority's data directory, named once so every stage agrees:
 * inbox → lake (+ archive | quarantine) → warehouse.duckdb → out.
 */
public record DataDir(Path root) {

    public DataDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path inbox(String source) {
        return root.resolve("inbox").resolve(source);
    }

    public Path lake() {
        return root.resolve("lake");
    }

    public Path archive() {
        return root.resolve("archive");
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }

    /** Local reference data the authority supplies (e.g. its ONS population of children aged 0-17). */
    public Path reference() {
        return root.resolve("reference");
    }

    public Path warehouse() {
        return root.resolve("warehouse.duckdb");
    }

    public Path out() {
        return root.resolve("out");
    }

    public Path logs() {
        return root.resolve("logs");
    }
}
