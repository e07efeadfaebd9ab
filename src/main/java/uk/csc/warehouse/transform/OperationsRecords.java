package uk.csc.warehouse.transform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import uk.csc.warehouse.support.Sql;

/**
 * Copies the service's own records into the warehouse being built, so analysts and auditors can query
 * them beside the data: the run ledger (every scheduled or typed job: DIR/ops/run_ledger.duckdb) as
 * ops.run_ledger, and the audit log of identifiable extracts such as Annex A (DIR/ops/audit.csv) as
 * ops.audit_log. Both are read, never written: the scheduler and the Annex A command own them.
 */
final class OperationsRecords {
    private OperationsRecords() {}

    static void copy(Connection c, Path opsDir) throws SQLException {
        Path ledger = opsDir.resolve("run_ledger.duckdb");
        Path audit = opsDir.resolve("audit.csv");
        try (Statement st = c.createStatement()) {
            if (Files.isRegularFile(ledger)) {
                st.execute("ATTACH " + Sql.literal(ledger) + " AS ledger (READ_ONLY)");
                try {
                    st.execute("CREATE TABLE ops.run_ledger AS SELECT * FROM ledger.run_ledger ORDER BY 1");
                    st.execute("COMMENT ON TABLE ops.run_ledger IS 'Every job run (nightly load, snapshot, pack, "
                            + "Annex A, requests) with its trigger, times, status and counts, as the service recorded it "
                            + "up to this build (DIR/ops/run_ledger.duckdb).'");
                } finally {
                    st.execute("DETACH ledger");
                }
            }
            if (Files.isRegularFile(audit)) {
                st.execute("CREATE TABLE ops.audit_log AS SELECT * FROM read_csv(" + Sql.literal(audit)
                        + ", header = true)");
                st.execute("COMMENT ON TABLE ops.audit_log IS 'Every identifiable extract made from the warehouse "
                        + "(e.g. an Annex A workbook): who, when, as-at date, window and row counts; never its contents "
                        + "(DIR/ops/audit.csv).'");
            }
        }
    }
}
