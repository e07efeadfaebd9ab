package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a model's data tests counted together (one scan for not_null and accepted_values, a view read as its copy
 * computed once for the build) find exactly the failing rows each test's own query finds, on a real DuckDB file.
 */
class TestQueriesTest {
    @TempDir
    Path root;

    private static final String MODEL = """
            /*
            grain: one row per plan
            materialized: view
            tests:
              unique: [plan_id]
              not_null: [person_id, category]
              accepted_values:
                category: [neglect, physical]
              relationships:
                person_id: staging.people.person_id
              warn:
                not_null: [end_date]
                accepted_values:
                  person_id: [P1, P2]
            */
            select * from staging.plans_source
            """;

    private static final String TESTS_FILE = """
            -- test: ends_after_start
            select * from marts.plans where end_date < start_date
            -- test: one_plan_per_person
            select person_id from marts.plans group by person_id having count(*) > 1
            """;

    @Test
    void combined_counts_equal_each_tests_own_query_on_failing_rows_of_a_view() throws Exception {
        Model m = Model.parse("sql/marts/plans.sql", MODEL);
        List<DataTest> tests = new ArrayList<>(DataTest.declared(m));
        tests.addAll(DataTest.fromFile(m.qualifiedName(), TESTS_FILE));
        assertTrue(tests.stream().anyMatch(DataTest::countedInScan));
        assertTrue(tests.stream().anyMatch(t -> !t.countedInScan()));
        try (Connection c = MacroDatabase.open(root); Statement st = c.createStatement()) {
            st.execute("create table staging.people as select * from (values ('P1'), ('P2')) as t(person_id)");
            st.execute("create table staging.plans_source as select * from (values "
                    + "(1, 'P1', 'neglect', date '2024-01-01', date '2024-02-01'), "
                    + "(2, 'P2', 'sexual', date '2024-01-01', date '2023-12-01'), "
                    + "(2, 'P9', null, date '2024-01-01', null), "
                    + "(3, 'P9', 'emotional', date '2024-01-01', null), "
                    + "(4, null, 'other', date '2024-01-01', null)) as t(plan_id, person_id, category, start_date, end_date)");
            st.execute("create view marts.plans as " + m.sql());
            long[] expected = new long[tests.size()];
            for (int i = 0; i < tests.size(); i++) {
                try (ResultSet rs = st.executeQuery("select count(*) from (" + tests.get(i).sql() + ")")) {
                    rs.next();
                    expected[i] = rs.getLong(1);
                }
            }
            ViewCopies copies = ViewCopies.readBy(tests, Map.of("marts.plans", m));
            ViewCopies.attach(c);
            copies.copy(c, "marts.plans");
            // the tests read the copy made before this: counted on the live view they would find no row
            st.execute("delete from staging.plans_source");
            long[] counted = new long[tests.size()];
            TestQueries.count(c, tests, IntStream.range(0, tests.size()).boxed().toList(), counted, copies);
            assertArrayEquals(expected, counted);
            // every kind finds something here, so equal counts are not a coincidence of zeros
            assertTrue(IntStream.range(0, tests.size()).allMatch(i -> expected[i] > 0), () -> java.util.Arrays.toString(expected));
            ViewCopies.detach(c);
            try (ResultSet rs = st.executeQuery("select count(*) from duckdb_databases() where database_name = '"
                    + ViewCopies.DATABASE + "'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the copies' database is detached");
            }
        }
    }

    @Test
    void a_broken_test_is_named() throws Exception {
        List<DataTest> tests = List.of(new DataTest("marts.plans", "fine", "select 1 where false"),
                new DataTest("marts.plans", "broken", "select * from marts.no_such_table"));
        try (Connection c = MacroDatabase.open(root)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> TestQueries.count(c, tests, List.of(0, 1), new long[2], ViewCopies.readBy(tests, Map.of())));
            assertTrue(e.getMessage().startsWith("data test marts.plans broken: "), e.getMessage());
            assertFalse(e.getMessage().contains("fine"));
        }
    }
}
