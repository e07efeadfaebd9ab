package uk.csc.warehouse.transform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the failing rows of one model's data tests in as few queries as DuckDB plans well: the header's
 * not_null and accepted_values tests of a model in one scan of its table (one aggregate each), the others
 * (unique, relationships, tests.sql) as a UNION ALL of a few dozen counts. Each small query costs more in
 * planning and round trips than in work, so the cost is per model, not per test. Views (the returns' marts) are
 * read as their copies computed once for the build ({@link ViewCopies}).
 */
final class TestQueries {
    /** A union deeper than this crashed DuckDB's planner (a segfault, seen here with all 800 tests in one). */
    private static final int UNION_BATCH = 25;

    private TestQueries() {}

    /** Fills {@code failing[i]} for each index in {@code indexes} (into {@code tests}). */
    static void count(Connection c, List<DataTest> tests, List<Integer> indexes, long[] failing, ViewCopies copies)
            throws SQLException {
        try {
            countCombined(c, tests, indexes, failing, copies);
        } catch (SQLException e) {
            if (DagBuild.outOfMemory(e)) {
                // not a broken test: one query per test would only run out again, slower (at national scale the
                // returns' views were computed per test, 82 minutes); the build runs the group again alone
                throw e;
            }
            countOneByOne(c, tests, indexes, failing); // to name the test whose SQL is broken
        }
    }

    private static void countCombined(Connection c, List<DataTest> tests, List<Integer> indexes, long[] failing,
            ViewCopies copies) throws SQLException {
        List<Integer> scanned = new ArrayList<>();
        List<Integer> queried = new ArrayList<>();
        for (int i : indexes) {
            (tests.get(i).countedInScan() ? scanned : queried).add(i);
        }
        try (Statement st = c.createStatement()) {
            countEach(st, tests, scanned, queried, failing, copies);
        }
    }

    private static void countEach(Statement st, List<DataTest> tests, List<Integer> scanned, List<Integer> queried,
            long[] failing, ViewCopies copies) throws SQLException {
        {
            if (!scanned.isEmpty()) {
                StringBuilder sql = new StringBuilder("SELECT ");
                for (int k = 0; k < scanned.size(); k++) {
                    sql.append(k == 0 ? "" : ", ").append(tests.get(scanned.get(k)).aggregate());
                }
                sql.append(" FROM ").append(copies.reading(tests.get(scanned.get(0)).model()));
                try (ResultSet rs = st.executeQuery(sql.toString())) {
                    rs.next();
                    for (int k = 0; k < scanned.size(); k++) {
                        failing[scanned.get(k)] = rs.getLong(k + 1);
                    }
                }
            }
            for (int from = 0; from < queried.size(); from += UNION_BATCH) {
                StringBuilder sql = new StringBuilder();
                for (int k = from; k < Math.min(from + UNION_BATCH, queried.size()); k++) {
                    int i = queried.get(k);
                    sql.append(k == from ? "" : "\nUNION ALL ").append("SELECT ").append(i)
                            .append(" AS test, count(*) AS n FROM (").append(copies.reading(tests.get(i).sql())).append("\n) AS t").append(i);
                }
                try (ResultSet rs = st.executeQuery(sql.toString())) {
                    while (rs.next()) {
                        failing[rs.getInt(1)] = rs.getLong(2);
                    }
                }
            }
        }
    }

    private static void countOneByOne(Connection c, List<DataTest> tests, List<Integer> indexes, long[] failing)
            throws SQLException {
        for (int i : indexes) {
            DataTest t = tests.get(i);
            // a statement of its own: DuckDB closes a statement whose query failed
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + t.sql() + ") AS failing")) {
                rs.next();
                failing[i] = rs.getLong(1);
            } catch (SQLException e) {
                throw new SQLException("data test " + t.model() + " " + t.name() + ": " + e.getMessage(), e);
            }
        }
    }
}
