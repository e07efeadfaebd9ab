package uk.csc.warehouse.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.Sql;

/**
 * Exposes the newest snapshot of every extract table as a view in an in-memory {@code lake} catalog, so
 * staging models read {@code lake.case__ssd_person}. The catalog is detached before the warehouse is
 * published: the analysts' file holds tables, never paths to the lake. A table never delivered reads as
 * empty with its contract's columns, so a source that has not arrived yet still builds.
 */
final class LakeSources {
    private LakeSources() {}

    static void attach(Connection c, Path lakeRoot, ContractCatalog contracts) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("ATTACH ':memory:' AS lake");
            st.execute("CREATE TABLE ops.extract_snapshot (source VARCHAR, table_name VARCHAR, extract_date DATE, "
                    + "parquet_file VARCHAR)");
            st.execute("COMMENT ON TABLE ops.extract_snapshot IS 'The lake snapshot each extract table was built "
                    + "from in this warehouse: the newest extract_date partition per table.'");
            for (TableContract t : contracts.all()) {
                Optional<Path> latest = latestPartition(lakeRoot.resolve(t.source()).resolve(t.table()));
                String view = "lake." + Sql.ident(t.lakeName());
                if (latest.isPresent()) {
                    Path file = latest.get().resolve(t.table() + ".parquet");
                    LocalDate date = LocalDate.parse(latest.get().getFileName().toString().substring("extract_date=".length()));
                    st.execute("CREATE VIEW " + view + " AS SELECT * FROM read_parquet(" + Sql.literal(file) + ")");
                    st.execute("INSERT INTO ops.extract_snapshot VALUES (" + Sql.literal(t.source()) + ", "
                            + Sql.literal(t.table()) + ", DATE " + Sql.literal(date.toString()) + ", "
                            + Sql.literal(lakeRoot.relativize(file).toString()) + ")");
                } else {
                    st.execute("CREATE VIEW " + view + " AS SELECT " + t.columns().stream()
                            .map(col -> "CAST(NULL AS " + col.type() + ") AS " + Sql.ident(col.name()))
                            .collect(Collectors.joining(", ")) + " WHERE false");
                }
            }
        }
    }

    static void detach(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DETACH lake");
        }
    }

    private static Optional<Path> latestPartition(Path tableDir) throws IOException {
        if (!Files.isDirectory(tableDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(tableDir)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("extract_date="))
                    .filter(d -> Files.isRegularFile(d.resolve(tableDir.getFileName() + ".parquet")))
                    .max(Comparator.comparing(d -> d.getFileName().toString()));
        }
    }
}
