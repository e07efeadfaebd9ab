package uk.csc.warehouse.transform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the failing rows of one model's data tests in as few queries as DuckDB plans well: the header's
 * not_null and accepted_values tests of a model in one scan of its table (one aggregate each), the others
 * (unique, relationships, tests.sql) as a UNION ALL of a few dozen counts. Each small query costs more in
 * planning and round trips than in work, so the cost is per model, not per test. A view the model's tests read
 * more than once (the returns' marts are views over views) is computed once into a temporary table of the
 * worker's connection and the tests read that: the same rows, without running the view's query per test.
 */
final class TestQueries {
    /** A union deeper than this crashed DuckDB's planner (a segfault, seen here with all 800 tests in one). */
    private static final int UNION_BATCH = 25;

    private TestQueries() {}

    /** Fills {@code failing[i]} for each index in {@code indexes} (into {@code tests}). */
    static void count(Connection c, List<DataTest> tests, List<Integer> indexes, long[] failing, Set<String> views)
            throws SQLException {
        try {
            countCombined(c, tests, indexes, failing, views);
        } catch (SQLException e) {
            countOneByOne(c, tests, indexes, failing); // to name the test whose SQL is broken
        }
    }

    private static void countCombined(Connection c, List<DataTest> tests, List<Integer> indexes, long[] failing,
            Set<String> views) throws SQLException {
        List<Integer> scanned = new ArrayList<>();
        List<Integer> queried = new ArrayList<>();
        for (int i : indexes) {
            (tests.get(i).countedInScan() ? scanned : queried).add(i);
        }
        Map<String, Integer> reads = new HashMap<>();
        if (!scanned.isEmpty()) {
            reads.merge(tests.get(scanned.get(0)).model(), 1, Integer::sum);
        }
        for (int i : queried) {
            Model.referencesIn(tests.get(i).sql()).forEach(r -> reads.merge(r, 1, Integer::sum));
        }
        Map<String, String> computed = new LinkedHashMap<>();
        reads.forEach((model, n) -> {
            if (n > 1 && views.contains(model)) {
                computed.put(model, "temp.main." + model.replace(".", "__"));
            }
        });
        try (Statement st = c.createStatement()) {
            for (Map.Entry<String, String> v : computed.entrySet()) {
                st.execute("CREATE OR REPLACE TEMP TABLE " + v.getValue() + " AS SELECT * FROM " + v.getKey());
            }
            try {
                countEach(st, tests, scanned, queried, failing, computed);
            } finally {
                for (String table : computed.values()) {
                    st.execute("DROP TABLE IF EXISTS " + table);
                }
            }
        }
    }

    private static String reading(String sql, Map<String, String> computed) {
        for (Map.Entry<String, String> v : computed.entrySet()) {
            sql = Pattern.compile("\\b" + Pattern.quote(v.getKey()) + "\\b", Pattern.CASE_INSENSITIVE).matcher(sql)
                    .replaceAll(Matcher.quoteReplacement(v.getValue()));
        }
        return sql;
    }

    private static void countEach(Statement st, List<DataTest> tests, List<Integer> scanned, List<Integer> queried,
            long[] failing, Map<String, String> computed) throws SQLException {
        {
            if (!scanned.isEmpty()) {
                StringBuilder sql = new StringBuilder("SELECT ");
                for (int k = 0; k < scanned.size(); k++) {
                    sql.append(k == 0 ? "" : ", ").append(tests.get(scanned.get(k)).aggregate());
                }
                sql.append(" FROM ").append(reading(tests.get(scanned.get(0)).model(), computed));
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
                            .append(" AS test, count(*) AS n FROM (").append(reading(tests.get(i).sql(), computed)).append("\n) AS t").append(i);
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
