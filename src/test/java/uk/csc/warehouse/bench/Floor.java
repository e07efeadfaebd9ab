package uk.csc.warehouse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * The ingest floor for bench/run.sh: what DuckDB alone does with the same files, no validation, no Camel, no
 * manifest. For each CSV: {@code COPY (SELECT * FROM read_csv(file)) TO x.parquet (FORMAT parquet[, COMPRESSION c])}
 * with DuckDB's own sniffing, one file after another on one connection (as the loader does), timed inside one
 * JVM after the connection is open, so JVM start and DuckDB's library load are not in the floor.
 *
 * <pre>java -cp csc-warehouse.jar uk.csc.warehouse.bench.Floor SCRATCH_DIR CODECS FILE...</pre>
 * CODECS: comma list of {@code snappy} (DuckDB's default, the floor in shared/reference/java_stack.md) and
 * {@code zstd} (the codec the lake uses). Prints one tab-separated line per file:
 * {@code file bytes rows millis_<codec>...}. Not part of the product: benchmark tooling only.
 */
public final class Floor {
    private Floor() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Floor SCRATCH_DIR CODECS FILE...");
            System.exit(64);
        }
        Path scratch = Path.of(args[0]);
        Files.createDirectories(scratch);
        String[] codecs = args[1].split(",");
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        StringBuilder head = new StringBuilder("file\tbytes\trows");
        for (String c : codecs) {
            head.append("\tmillis_").append(c);
        }
        System.out.println(head);
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement()) {
            st.execute("SELECT 1"); // the connection is warm before the clock starts
            int n = 0;
            for (Path f : files) {
                StringBuilder line = new StringBuilder(f + "\t" + Files.size(f));
                long rows = -1;
                StringBuilder times = new StringBuilder();
                for (String codec : codecs) {
                    Path out = scratch.resolve((n++) + ".parquet");
                    String options = "snappy".equals(codec) ? "FORMAT parquet" : "FORMAT parquet, COMPRESSION " + codec;
                    long t0 = System.nanoTime();
                    st.execute("COPY (SELECT * FROM read_csv(" + Sql.literal(f) + ")) TO " + Sql.literal(out)
                            + " (" + options + ")");
                    times.append('\t').append((System.nanoTime() - t0) / 1_000_000);
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.literal(out) + ")")) {
                        rows = rs.next() ? rs.getLong(1) : -1; // from the footer, after the clock stopped
                    }
                    Files.deleteIfExists(out);
                }
                System.out.println(line.append('\t').append(rows).append(times));
            }
        }
    }
}
