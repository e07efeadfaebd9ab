package uk.csc.warehouse.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * Issue 19: models built concurrently on their dependency graph, on a real DuckDB file with several workers, read
 * what they depend on fully built; tests run once what they read is built; a broken model is named and what
 * depends on it is never started.
 */
class DagBuildTest {
    @TempDir
    Path root;

    private static void layers(Statement st) throws SQLException {
        for (String schema : List.of("staging", "intermediate", "marts")) {
            st.execute("CREATE SCHEMA " + schema);
        }
    }

    private static Model model(String layer, String name, String body) {
        return Model.parse("sql/" + layer + "/" + name + ".sql", "/*\ngrain: one row per n\n*/\n" + body);
    }

    /** A chain four deep beside eight independent models, each reading what it names, with a test across two. */
    private static List<Model> chainAndFan() {
        List<Model> models = new ArrayList<>();
        models.add(model("staging", "s0", "select range as n from range(1000)"));
        models.add(model("intermediate", "i1", "select n from staging.s0 where n % 2 = 0"));
        models.add(model("intermediate", "i2", "select n from intermediate.i1 where n % 3 = 0"));
        models.add(model("marts", "m3", "select count(*) as n from intermediate.i2"));
        for (int k = 0; k < 8; k++) {
            models.add(model("staging", "fan" + k, "select range as n from range(" + (k + 1) * 10 + ")"));
        }
        return models;
    }

    @Test
    void every_model_reads_what_it_names_fully_built_and_tests_see_the_models_they_read() throws Exception {
        List<Model> order = chainAndFan();
        List<DataTest> tests = List.of(
                new DataTest("marts.m3", "count_matches_the_chain",
                        "select * from marts.m3 where n <> (select count(*) from staging.s0 where n % 6 = 0)"),
                new DataTest("marts.m3", "finds_rows", "select * from intermediate.i2 where n > 900"),
                new DataTest("staging.fan7", "has_80", "select 1 from staging.fan7 having count(*) <> 80"));
        try (Connection c = DuckDb.file(root.resolve("w.duckdb")); Statement st = c.createStatement()) {
            layers(st);
            DagBuild.Outcome out = DagBuild.run(c, order, tests, Map.of(), 4);
            try (ResultSet rs = st.executeQuery("select n from marts.m3")) {
                rs.next();
                assertEquals(167, rs.getLong(1)); // 0, 6, ..., 996
            }
            // i2 over 900: 906, 912, ..., 996 = 16 rows
            assertArrayEquals(new long[] {0, 16, 0}, out.failing());
            try (ResultSet rs = st.executeQuery("select count(*) from duckdb_tables() where schema_name <> 'main'")) {
                rs.next();
                assertEquals(order.size(), rs.getLong(1));
            }
        }
    }

    private static Model view(String name, String body) {
        return Model.parse("sql/marts/" + name + ".sql", "/*\ngrain: one row per n\nmaterialized: view\n*/\n" + body);
    }

    @Test
    void tests_of_views_read_copies_made_once_each_a_copy_reading_the_copies_below_it() throws Exception {
        List<Model> order = List.of(
                model("staging", "base", "select range as n from range(100)"),
                view("v1", "select n from staging.base where n % 2 = 0"),
                view("v2", "select count(*) as evens from marts.v1"));
        Map<String, Model> views = Map.of("marts.v1", order.get(1), "marts.v2", order.get(2));
        List<DataTest> tests = List.of(
                new DataTest("marts.v1", "under_90", "select * from marts.v1 where n >= 90"),
                new DataTest("marts.v2", "fifty", "select * from marts.v2 where evens <> 50"));
        try (Connection c = DuckDb.file(root.resolve("w.duckdb")); Statement st = c.createStatement()) {
            layers(st);
            DagBuild.Outcome out = DagBuild.run(c, order, tests, views, 3);
            assertArrayEquals(new long[] {5, 0}, out.failing()); // 90, 92, 94, 96, 98
            try (ResultSet rs = st.executeQuery("select count(*) from duckdb_databases() where database_name = '"
                    + ViewCopies.DATABASE + "'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the copies are gone before the warehouse is published");
            }

            // v2's copy reads v1's copy, not v1: emptied after v1 was copied, the base no longer changes v2's copy
            ViewCopies copies = ViewCopies.readBy(List.of(tests.get(1)), views);
            assertEquals(java.util.Set.of("marts.v1", "marts.v2"), copies.views(), "a copied view's views are copied");
            ViewCopies.attach(c);
            copies.copy(c, "marts.v1");
            st.execute("delete from staging.base");
            copies.copy(c, "marts.v2");
            try (ResultSet rs = st.executeQuery("select evens from " + copies.tables().get("marts.v2"))) {
                rs.next();
                assertEquals(50, rs.getLong(1));
            }
            ViewCopies.detach(c);
        }
    }

    @Test
    void a_views_lists_are_left_out_of_its_copy_and_a_test_reading_them_reads_the_view() throws Exception {
        List<Model> order = List.of(
                model("staging", "base", "select range as n from range(100)"),
                view("nested", "select n, [n, n + 1] as pair, {'m': n} as s from staging.base"));
        Map<String, Model> views = Map.of("marts.nested", order.get(1));
        List<DataTest> tests = List.of(
                new DataTest("marts.nested", "under_98", "select * from marts.nested where n >= 98"),
                new DataTest("marts.nested", "pair_from_99", "select * from marts.nested where pair[2] > 99"));
        try (Connection c = DuckDb.file(root.resolve("w.duckdb")); Statement st = c.createStatement()) {
            layers(st);
            assertArrayEquals(new long[] {2, 1}, DagBuild.run(c, order, tests, views, 3).failing());
            ViewCopies copies = ViewCopies.readBy(tests, views);
            ViewCopies.attach(c);
            copies.copy(c, "marts.nested");
            try (ResultSet rs = st.executeQuery("select string_agg(column_name, ',') from duckdb_columns() "
                    + "where database_name = '" + ViewCopies.DATABASE + "'")) {
                rs.next();
                assertEquals("n", rs.getString(1));
            }
            ViewCopies.detach(c);
        }
    }

    @Test
    void a_broken_model_is_named_and_what_reads_it_is_never_started() throws Exception {
        List<Model> order = List.of(
                model("staging", "ok", "select 1 as n"),
                model("intermediate", "broken", "select n from staging.ok join staging.not_there using (n)"),
                model("marts", "after", "select * from intermediate.broken"));
        try (Connection c = DuckDb.file(root.resolve("w.duckdb")); Statement st = c.createStatement()) {
            layers(st);
            SQLException e = assertThrows(SQLException.class, () -> DagBuild.run(c, order, List.of(), Map.of(), 3));
            assertTrue(e.getMessage().startsWith("sql/intermediate/broken.sql: "), e.getMessage());
            try (ResultSet rs = st.executeQuery("select count(*) from duckdb_tables() where table_name = 'after'")) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    /**
     * Three models whose aggregate states DuckDB keeps outside what it can spill (arg_max over a struct of long
     * strings): at a memory limit that holds one of them but not three, the three start together on three workers,
     * run out of memory, and are each built again alone; at a limit that holds none, the build fails naming one.
     */
    private static List<Model> threeHungryModels() {
        List<Model> models = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            models.add(model("intermediate", "hungry" + k, "select n % 150000 as g, "
                    + "arg_max(s, (n, s)) as latest from staging.words group by all"));
        }
        return models;
    }

    private static void words(Statement st) throws SQLException {
        layers(st);
        st.execute("CREATE TABLE staging.words AS SELECT range AS n, "
                + "md5(range::varchar) || md5((range + 1)::varchar) AS s FROM range(600000)");
        st.execute("SET threads = 2");
    }

    @Test
    void models_out_of_memory_beside_each_other_are_built_again_alone() throws Exception {
        try (Connection c = DuckDb.file(root.resolve("w.duckdb")); Statement st = c.createStatement()) {
            words(st);
            st.execute("SET memory_limit = '200MB'");
            DagBuild.Outcome out = DagBuild.run(c, threeHungryModels(), List.of(), Map.of(), 3);
            assertTrue(out.ranAgainAlone().size() >= 1, "nothing ran out of memory: " + out.ranAgainAlone());
            for (int k = 0; k < 3; k++) {
                try (ResultSet rs = st.executeQuery("select count(*), count(latest) from intermediate.hungry" + k)) {
                    rs.next();
                    assertEquals(150000, rs.getLong(1));
                    assertEquals(150000, rs.getLong(2));
                }
            }
        }
    }

    @Test
    void a_model_out_of_memory_alone_fails_the_build() throws Exception {
        try (Connection c = DuckDb.file(root.resolve("w.duckdb")); Statement st = c.createStatement()) {
            words(st);
            st.execute("SET memory_limit = '30MB'");
            SQLException e = assertThrows(SQLException.class,
                    () -> DagBuild.run(c, threeHungryModels(), List.of(), Map.of(), 3));
            assertTrue(e.getMessage().startsWith("sql/intermediate/hungry"), e.getMessage());
            assertTrue(DagBuild.outOfMemory(e), e.getMessage());
        }
    }
}
