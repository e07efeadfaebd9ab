package uk.csc.warehouse.ingest;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Benchmark tooling, not a test: times the ingest of single files against DuckDB's own floor on the same file,
 * in one warm JVM, so a change to LakeWriter can be measured on one large file without Camel or the manifest.
 *
 * <pre>java -cp csc-warehouse.jar:test-classes uk.csc.warehouse.ingest.IngestMicro SCRATCH REPEATS SOURCE FILE...</pre>
 * Prints per file and repeat: floor (read_csv sniffed -> COPY zstd), FileFacts.scan, LakeWriter.land, in wall
 * milliseconds and process CPU milliseconds, and the load average.
 */
public final class IngestMicro {
    private IngestMicro() {}

    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        String source = args[2];
        Files.createDirectories(scratch);
        ContractCatalog catalog = ContractCatalog.fromClasspath();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement();
             LakeWriter lake = new LakeWriter(scratch.resolve("work"))) {
            st.execute("SELECT 1");
            for (int a = 3; a < args.length; a++) {
                Path f = Path.of(args[a]);
                ExtractFile file = ExtractFile.of(f, source);
                List<String> header = HeaderReader.read(file);
                for (int r = 0; r < repeats; r++) {
                    long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
                    Path floor = scratch.resolve("floor.parquet");
                    st.execute("COPY (SELECT * FROM read_csv(" + Sql.literal(f) + ")) TO " + Sql.literal(floor)
                            + " (FORMAT parquet, COMPRESSION zstd)");
                    long c1 = os.getProcessCpuTime(), t1 = System.nanoTime();
                    FileFacts facts = FileFacts.scan(f);
                    long c2 = os.getProcessCpuTime(), t2 = System.nanoTime();
                    Path part = scratch.resolve("part-" + r);
                    LakeWriter.Landing l = lake.land(file, catalog.table(source, file.table()), header, facts, part,
                            scratch.resolve("q-" + r + ".rows.csv"), catalog.missingValues());
                    long c3 = os.getProcessCpuTime(), t3 = System.nanoTime();
                    double floorMs = (t1 - t0) / 1e6, scan = (t2 - t1) / 1e6, land = (t3 - t2) / 1e6;
                    System.out.printf("%s r%d floor %.0f ms (cpu %.0f) | scan %.0f ms (cpu %.0f) | land %.0f ms (cpu %.0f)"
                                    + " | project %.0f ms = %.0f%% of floor | rows %d loaded %d quarantined %d | load %.2f%n",
                            file.fileName(), r, floorMs, (c1 - c0) / 1e6, scan, (c2 - c1) / 1e6, land, (c3 - c2) / 1e6,
                            scan + land, 100 * floorMs / (scan + land), l.rowsRead(), l.rowsLoaded(), l.rowsQuarantined(),
                            os.getSystemLoadAverage());
                }
            }
        }
    }
}
