package uk.csc.warehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * status names the warn-level data tests that found rows: their count and the five with most rows. The
 * warehouse here holds only the ops records (DataTestSeverityTest shows the line for a real build's warning).
 */
class StatusWarningsTest {

    @Test
    void the_count_and_the_five_warnings_with_most_rows(@TempDir Path root) throws Exception {
        DataDir dataDir = new DataDir(root);
        try (Connection c = DuckDb.file(dataDir.warehouse()); Statement st = c.createStatement()) {
            st.execute("create schema ops");
            st.execute("create table ops.data_test_results (model varchar, test varchar, failing_rows bigint, "
                    + "passed boolean, severity varchar)");
            st.execute("insert into ops.data_test_results values "
                    + "('staging.a', 't1', 3, false, 'warn'), ('staging.b', 't2', 40, false, 'warn'), "
                    + "('staging.c', 't3', 1, false, 'warn'), ('staging.d', 't4', 7, false, 'warn'), "
                    + "('staging.e', 't5', 7, false, 'warn'), ('staging.f', 't6', 2, false, 'warn'), "
                    + "('staging.g', 't7', 0, true, 'warn'), ('marts.h', 't8', 99, false, 'error')");
            st.execute("create view ops.data_test_warnings as select model, test, failing_rows "
                    + "from ops.data_test_results where severity = 'warn' and not passed order by model, test");
        }
        assertEquals(List.of(
                "warnings: 6 warn-level data test(s) found rows in the last build, published anyway; the 5 with most "
                        + "rows (all in ops.data_test_warnings):",
                String.format("  %-56s %7d rows", "staging.b t2", 40),
                String.format("  %-56s %7d rows", "staging.d t4", 7),
                String.format("  %-56s %7d rows", "staging.e t5", 7),
                String.format("  %-56s %7d rows", "staging.a t1", 3),
                String.format("  %-56s %7d rows", "staging.f t6", 2)), DataQualityStatus.lines(dataDir));

        try (Connection c = DuckDb.file(dataDir.warehouse()); Statement st = c.createStatement()) {
            st.execute("update ops.data_test_results set passed = true");
        }
        assertEquals(List.of("warnings: no warn-level data test found rows in the last build (ops.data_test_warnings)"),
                DataQualityStatus.lines(dataDir));
    }
}
