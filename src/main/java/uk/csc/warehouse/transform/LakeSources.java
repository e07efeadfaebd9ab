package uk.csc.warehouse.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.ingest.CommittedSnapshots;
import uk.csc.warehouse.support.Sql;

/**
 * Exposes the newest committed snapshot of every extract table as a view in an in-memory {@code lake} catalog, so
 * staging models read {@code lake.case__ssd_person}. The catalog is detached before the warehouse is
 * published: the analysts' file holds tables, never paths to the lake. A table never delivered reads as
 * empty with its contract's columns, so a source that has not arrived yet still builds.
 */
final class LakeSources {
    private LakeSources() {}

    static void attach(Connection c, Path lakeRoot, ContractCatalog contracts) throws SQLException, IOException {
        CommittedSnapshots committed = CommittedSnapshots.read(lakeRoot);
        try (Statement st = c.createStatement()) {
            st.execute("ATTACH ':memory:' AS lake");
            st.execute("CREATE TABLE ops.extract_snapshot (source VARCHAR, table_name VARCHAR, extract_date DATE, "
                    + "committed_at TIMESTAMPTZ, parquet_file VARCHAR)");
            st.execute("COMMENT ON TABLE ops.extract_snapshot IS 'The lake snapshot each extract table was built "
                    + "from in this warehouse: the newest committed extract per table.'");
            for (TableContract t : contracts.all()) {
                Optional<CommittedSnapshots.Snapshot> latest = committed.find(t.source(), t.table());
                String view = "lake." + Sql.ident(t.lakeName());
                if (latest.isPresent()) {
                    CommittedSnapshots.Snapshot snap = latest.get();
                    st.execute("CREATE VIEW " + view + " AS SELECT * FROM read_parquet(" + Sql.literal(snap.parquet()) + ")");
                    st.execute("INSERT INTO ops.extract_snapshot VALUES (" + Sql.literal(t.source()) + ", "
                            + Sql.literal(t.table()) + ", DATE " + Sql.literal(snap.extractDate()) + ", "
                            + Sql.literal(snap.committedAt()) + ", "
                            + Sql.literal(lakeRoot.relativize(snap.parquet()).toString().replace('\\', '/')) + ")");
                } else {
                    st.execute("CREATE VIEW " + view + " AS SELECT " + t.columns().stream()
                            .map(col -> "CAST(NULL AS " + col.type() + ") AS " + Sql.ident(col.name()))
                            .collect(Collectors.joining(", ")) + ", CAST(NULL AS BIGINT) AS _source_line WHERE false");
                }
            }
            Path loads = lakeRoot.resolve("_loads");
            if (Files.isDirectory(loads) && hasManifests(loads)) {
                st.execute("CREATE TABLE ops.load_report AS SELECT * FROM read_csv(" + Sql.literal(loads.resolve("*.csv"))
                        + ", header = true, all_varchar = false, union_by_name = true) ORDER BY committed_at, source, table_name");
            } else {
                st.execute("CREATE TABLE ops.load_report (load_id VARCHAR, committed_at TIMESTAMPTZ, source VARCHAR, "
                        + "table_name VARCHAR, file_name VARCHAR, status VARCHAR, rows_read BIGINT, rows_loaded BIGINT, "
                        + "rows_quarantined BIGINT, quarantine_reasons VARCHAR)");
            }
            st.execute("COMMENT ON TABLE ops.load_report IS 'Every file every committed load took in: rows read = "
                    + "rows loaded + rows quarantined, with the reasons. Status DUPLICATE: the same bytes were loaded "
                    + "before; QUARANTINED: the whole file was refused.'");
        }
    }

    private static boolean hasManifests(Path loads) throws IOException {
        try (Stream<Path> files = Files.list(loads)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".csv")
                    && !p.getFileName().toString().startsWith("."));
        }
    }

    static void detach(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DETACH lake");
        }
    }
}
