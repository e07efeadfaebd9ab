package uk.csc.warehouse.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.contract.ColumnContract;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.OwnerOnly;
import uk.csc.warehouse.support.Sql;

/**
 * After every file of a load has landed, and before it commits: rows that point at a parent that does not
 * exist (an assessment whose referral is not in the extract) move from the new Parquet to quarantine. The
 * parent is this load's copy of the parent table if it brought one, else the committed snapshot; a parent
 * never delivered is not checked (and said so). Parents are checked before children, so an orphaned
 * referral's assessments are orphans too.
 */
final class ReferenceCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceCheck.class);

    private ReferenceCheck() {}

    static void run(LoadReport report, ContractCatalog catalog, CommittedSnapshots committed) throws SQLException, IOException {
        Map<String, LoadReport.FileResult> landed = new HashMap<>();
        report.landed().forEach(r -> landed.put(r.source() + "/" + r.table(), r));
        try (Connection duck = DuckDb.inMemory(); Statement st = duck.createStatement()) {
            for (TableContract child : parentsFirst(catalog, landed)) {
                LoadReport.FileResult result = landed.get(child.source() + "/" + child.table());
                Path parquet = result.partition().resolve(child.table() + ".parquet");
                List<String> conditions = new ArrayList<>();
                List<String> reasons = new ArrayList<>();
                for (ColumnContract c : child.columns()) {
                    if (c.references() == null) {
                        continue;
                    }
                    String[] ref = c.references().split("\\.");
                    Optional<Path> parent = parentFile(child.source(), ref[0], landed, committed);
                    if (parent.isEmpty()) {
                        continue;
                    }
                    String orphan = Sql.ident(c.name()) + " IS NOT NULL AND " + Sql.ident(c.name()) + " NOT IN (SELECT "
                            + Sql.ident(ref[1]) + " FROM read_parquet(" + Sql.literal(parent.get()) + ") WHERE "
                            + Sql.ident(ref[1]) + " IS NOT NULL)";
                    conditions.add(orphan);
                    reasons.add("CASE WHEN " + orphan + " THEN " + Sql.literal(c.name() + ": no " + ref[0] + " row with this "
                            + ref[1]) + " END");
                }
                if (conditions.isEmpty()) {
                    continue;
                }
                String any = "(" + String.join(") OR (", conditions) + ")";
                long orphans;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.literal(parquet) + ") WHERE " + any)) {
                    rs.next();
                    orphans = rs.getLong(1);
                }
                if (orphans == 0) {
                    continue;
                }
                Path orphanFile = orphanFileFor(result.quarantinedRows());
                OwnerOnly.createDirectories(orphanFile.getParent());
                st.execute("COPY (SELECT _source_line AS line, array_to_string(list_filter([" + String.join(", ", reasons)
                        + "], x -> x IS NOT NULL), '; ') AS reason, * EXCLUDE (_source_line) FROM read_parquet("
                        + Sql.literal(parquet) + ") WHERE " + any + " ORDER BY _source_line) TO " + Sql.literal(orphanFile)
                        + " (FORMAT csv, HEADER true)");
                OwnerOnly.restrict(orphanFile);
                Path tmp = parquet.resolveSibling("." + parquet.getFileName() + ".tmp");
                st.execute("COPY (SELECT * FROM read_parquet(" + Sql.literal(parquet) + ") WHERE NOT (" + any
                        + ") ORDER BY _source_line) TO " + Sql.literal(tmp) + " (FORMAT parquet, COMPRESSION zstd)");
                OwnerOnly.restrict(tmp);
                Files.move(tmp, parquet, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LoadReport.FileResult updated = result.withMoreQuarantined(orphans, "reference to a missing parent row",
                        result.quarantinedRows());
                report.replace(result, updated);
                landed.put(child.source() + "/" + child.table(), updated);
                LOG.warn("{}/{}: {} row(s) refer to a parent that is not there -> {}", child.source(), result.file(),
                        orphans, orphanFile.getFileName());
            }
        }
    }

    private static Path orphanFileFor(Path rowsFile) {
        String name = rowsFile.getFileName().toString().replaceFirst("\\.rows\\.csv$", "");
        return rowsFile.resolveSibling(name + ".orphans.csv");
    }

    private static Optional<Path> parentFile(String source, String parentTable, Map<String, LoadReport.FileResult> landed,
                                             CommittedSnapshots committed) {
        LoadReport.FileResult inLoad = landed.get(source + "/" + parentTable);
        if (inLoad != null) {
            return Optional.of(inLoad.partition().resolve(parentTable + ".parquet"));
        }
        return committed.latest(source, parentTable);
    }

    /** Landed tables ordered so every parent comes before its children (a table's self-reference is ignored). */
    private static List<TableContract> parentsFirst(ContractCatalog catalog, Map<String, LoadReport.FileResult> landed) {
        List<TableContract> tables = new ArrayList<>();
        landed.keySet().stream().sorted().forEach(k -> {
            String[] p = k.split("/");
            catalog.find(p[0], p[1]).ifPresent(tables::add);
        });
        List<TableContract> ordered = new ArrayList<>();
        while (!tables.isEmpty()) {
            TableContract next = tables.stream().filter(t -> t.columns().stream()
                    .map(ColumnContract::references).filter(r -> r != null)
                    .map(r -> r.split("\\.")[0])
                    .noneMatch(parent -> !parent.equals(t.table())
                            && tables.stream().anyMatch(o -> o.table().equals(parent))))
                    .findFirst().orElse(tables.get(0)); // a reference cycle: take any, the check still holds
            ordered.add(next);
            tables.remove(next);
        }
        return ordered;
    }
}
