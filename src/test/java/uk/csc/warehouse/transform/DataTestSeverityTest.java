package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.csc.warehouse.testing.ConsoleCapture.capture;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.testing.ConsoleCapture.Captured;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * Issue 14: data tests have a severity (error stops publishing, warn is recorded and published), and model headers
 * declare accepted_values and relationships beside unique and not_null.
 */
class DataTestSeverityTest {
    @TempDir
    Path root;

    private static final String MODEL = """
            /*
            grain: one row per plan
            tests:
              unique: [plan_id]
              accepted_values:
                category: [neglect, physical]
              relationships:
                person_id: staging.people.person_id
              warn:
                not_null: [end_date]
            */
            select * from staging.plans_source
            """;

    @Test
    void header_tests_find_exactly_the_rows_that_break_them_with_their_severity() throws Exception {
        Model m = Model.parse("sql/marts/plans.sql", MODEL);
        try (Connection c = MacroDatabase.open(root); Statement st = c.createStatement()) {
            st.execute("create table staging.people as select * from (values ('P1'), ('P2')) as t(person_id)");
            st.execute("create table marts.plans as select * from (values "
                    + "(1, 'P1', 'neglect', date '2024-01-01'), (2, 'P2', 'sexual', null), (2, 'P9', null, null), "
                    + "(3, 'P9', 'physical', null)) as t(plan_id, person_id, category, end_date)");
            Map<String, String> found = new LinkedHashMap<>();
            for (DataTest t : DataTest.declared(m)) {
                try (ResultSet rs = st.executeQuery("select count(*) from (" + t.sql() + ")")) {
                    rs.next();
                    found.put(t.name() + " " + t.severity().label(), rs.getString(1));
                }
            }
            assertEquals(Map.of(
                    "unique(plan_id) error", "1",                                        // plan 2 twice
                    "accepted_values(category) error", "1",                              // 'sexual'; null is not a value
                    "relationships(person_id -> staging.people.person_id) error", "1",   // P9, grouped
                    "not_null(end_date) warn", "3"), found);
        }
    }

    @Test
    void a_file_test_can_be_marked_warn_and_a_misspelt_severity_is_refused() {
        List<DataTest> tests = DataTest.fromFile("marts.plans", """
                -- test: plans_have_a_start severity: warn
                select * from marts.plans where start_date is null;

                -- test: plans_end_after_start
                select * from marts.plans where end_date < start_date;
                """);
        assertEquals(List.of("plans_have_a_start WARN", "plans_end_after_start ERROR"),
                tests.stream().map(t -> t.name() + " " + t.severity()).toList());
        Exception e = assertThrows(IllegalStateException.class,
                () -> DataTest.fromFile("marts.plans", "-- test: x severity: warning\nselect 1"));
        assertTrue(e.getMessage().contains("severity 'warning' is not error or warn"), e.getMessage());
        Exception kind = assertThrows(IllegalStateException.class, () -> DataTest.declared(Model.parse("sql/marts/p.sql",
                "/*\ngrain: g\ntests:\n  accepted: {a: [1]}\n*/\nselect 1 as a")));
        assertTrue(kind.getMessage().contains("unknown declared test 'accepted'"), kind.getMessage());
    }

    @Test
    void a_failing_warn_test_is_recorded_and_the_warehouse_published() throws Exception {
        TestAuthority authority = TestAuthority.fromCohort("front_door", root);
        Path people = authority.dataDir.inbox("case").resolve("ssd_person_20240930.csv");
        // 'X' is no SSD sex code: stg_case__person declares accepted_values for sex under warn
        Files.writeString(people, Files.readString(people).replaceFirst("\nF,C01,", "\nX,C01,"));
        authority.load();
        assertEquals(1, authority.build().warnings());
        assertEquals(List.of(Map.of("model", "staging.stg_case__person", "test", "accepted_values(sex)", "failing_rows", 1L)),
                authority.query("select * from ops.data_test_warnings"));
        assertEquals(1L, authority.one("select count(*) as n from ops.data_test_results "
                + "where severity = 'warn' and not passed").get("n"));
        assertTrue((Long) authority.one("select count(*) as n from ops.data_test_results where severity = 'error' and passed")
                .get("n") > 100);
        // status shows the warning, by model and test, without opening the warehouse
        Captured status = capture(() -> Main.execute("status", "--data-dir", root.toString()));
        List<String> lines = status.out().lines().toList();
        int at = lines.indexOf("warnings: 1 warn-level data test(s) found rows in the last build, published anyway "
                + "(all in ops.data_test_warnings):");
        assertTrue(at >= 0, status.out());
        assertTrue(lines.get(at + 1).matches("  staging\\.stg_case__person accepted_values\\(sex\\) +1 rows"),
                lines.get(at + 1));
    }
}
