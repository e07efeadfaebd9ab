package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.testing.TestAuthority;

/** The service's run ledger and the audit log of identifiable extracts are queryable in the warehouse. */
class OperationsRecordsTest {
    @TempDir
    Path root;

    @Test
    void ledger_and_audit_log_are_copied_into_the_build() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        Path ops = Files.createDirectories(root.resolve("ops"));
        try (Connection c = DuckDb.file(ops.resolve("run_ledger.duckdb")); Statement st = c.createStatement()) {
            st.execute("create table run_ledger (run_id varchar, job varchar, status varchar)");
            st.execute("insert into run_ledger values ('r1', 'nightly', 'succeeded'), ('r2', 'annex-a', 'failed')");
        }
        Files.writeString(ops.resolve("audit.csv"), "at,user,what,as_at,rows\n2025-04-02T09:00:00Z,pa,annex-a,2025-03-31,1234\n");
        authority.load();
        authority.build();
        assertEquals(2L, authority.one("select count(*) n from ops.run_ledger").get("n"));
        assertEquals("failed", authority.one("select status from ops.run_ledger where job = 'annex-a'").get("status"));
        assertEquals(1234L, authority.one("select rows from ops.audit_log").get("rows"));
    }

    @Test
    void build_typed_at_a_terminal_runs_under_the_data_folder_lock_and_is_in_the_ledger() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        authority.load();
        assertEquals(0, uk.csc.warehouse.cli.Main.execute("build", "--data-dir", root.toString()));
        try (Connection c = DuckDb.file(root.resolve("ops/run_ledger.duckdb"));
                Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select job, trigger, status from run_ledger")) {
            rs.next();
            assertEquals("build cli succeeded", rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            assertEquals(false, rs.next());
        }
        // The ledger row was written while the build held DIR/.lock, and the build saw itself running.
        assertEquals("running", authority.one("select status from ops.run_ledger where job = 'build'").get("status"));
    }
}
