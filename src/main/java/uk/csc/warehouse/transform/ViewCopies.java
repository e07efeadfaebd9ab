package uk.csc.warehouse.transform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.csc.warehouse.support.Sql;

/**
 * The returns' marts are views (a return is worked out for whichever year the return command asks for), most of them
 * over other views. Their data tests read copies computed once per build: each view a test reads, and every view
 * below it, is computed into a table of an in-memory database attached for the build, its query reading the copies
 * of the views below it, so no view's query runs more than once. Copied per test group instead, each view's whole
 * chain ran again for every group that read it: at national scale the data tests took 82 minutes, the models 24.
 * The in-memory database is detached (and its memory freed) before the warehouse is published; DuckDB spills it to
 * its temp directory like any other data past the memory limit.
 */
final class ViewCopies {
    static final String DATABASE = "build_view_copies";

    private final Map<String, Model> views;
    private final Map<String, String> tables;

    private ViewCopies(Map<String, Model> views) {
        this.views = views;
        Map<String, String> t = new LinkedHashMap<>();
        views.keySet().forEach(v -> t.put(v, DATABASE + ".main." + v.replace('.', '_')));
        this.tables = Map.copyOf(t);
    }

    /** The views {@code tests} read (a scanned test reads its model), with every view those read: each copied. */
    static ViewCopies readBy(Collection<DataTest> tests, Map<String, Model> catalogueViews) {
        Deque<String> todo = new ArrayDeque<>();
        for (DataTest t : tests) {
            todo.add(t.model());
            todo.addAll(Model.referencesIn(t.sql()));
        }
        Map<String, Model> copied = new LinkedHashMap<>();
        while (!todo.isEmpty()) {
            String name = todo.poll();
            Model view = catalogueViews.get(name);
            if (view != null && copied.putIfAbsent(name, view) == null) {
                todo.addAll(view.references());
            }
        }
        return new ViewCopies(copied);
    }

    /** View name → the table holding its copy. */
    Map<String, String> tables() {
        return tables;
    }

    Set<String> views() {
        return views.keySet();
    }

    /** The copied views {@code view}'s query reads (each must be copied before it). */
    Set<String> copiedViewsReadBy(String view) {
        Set<String> read = new TreeSet<>(views.get(view).references());
        read.retainAll(views.keySet());
        return read;
    }

    /** Tables {@code view} reads directly (built models or the published warehouse's). */
    Set<String> otherModelsReadBy(String view) {
        Set<String> read = new TreeSet<>(views.get(view).references());
        read.removeAll(views.keySet());
        return read;
    }

    void copy(Connection c, String view) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + tables.get(view) + " AS SELECT " + copiedColumns(c, view)
                    + " FROM (" + reading(views.get(view).sql()) + "\n) AS " + view.replace('.', '_'));
        } catch (SQLException e) {
            // the cause keeps DuckDB's own message (an out-of-memory error is recognised through it)
            throw new SQLException("computing " + view + " (a view) for its data tests: " + e.getMessage(), e);
        }
    }

    /**
     * Every column, except a nested one (list, struct, map) of a view no other copied view reads: the returns' nested
     * rows (a CIN census child with its lists of episodes, assessments...) are what the return writes, not what
     * tests check, and building every list for a copy took 90 s alone at national scale and ran out of 4 GB beside
     * other work, where a query not reading them has DuckDB drop them. A test reading one fails here and is counted
     * again on the view itself (naming it if its SQL is broken).
     */
    private String copiedColumns(Connection c, String view) throws SQLException {
        if (readByCopiedViews(view)) {
            return "*";
        }
        String[] name = view.split("\\.", 2);
        List<String> flat = new ArrayList<>();
        boolean nested = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type FROM duckdb_columns() "
                + "WHERE database_name = current_database() AND schema_name = ? AND table_name = ? "
                + "ORDER BY column_index")) {
            ps.setString(1, name[0]);
            ps.setString(2, name[1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    if (type.endsWith("]") || type.startsWith("STRUCT") || type.startsWith("MAP")
                            || type.startsWith("UNION")) {
                        nested = true;
                    } else {
                        flat.add(Sql.ident(rs.getString(1)));
                    }
                }
            }
        }
        return nested && !flat.isEmpty() ? String.join(", ", flat) : "*";
    }

    private boolean readByCopiedViews(String view) {
        return views.values().stream().anyMatch(v -> v.references().contains(view));
    }

    /** {@code sql} reading the copies in place of the views. */
    String reading(String sql) {
        for (Map.Entry<String, String> v : tables.entrySet()) {
            sql = Pattern.compile("\\b" + Pattern.quote(v.getKey()) + "\\b", Pattern.CASE_INSENSITIVE).matcher(sql)
                    .replaceAll(Matcher.quoteReplacement(v.getValue()));
        }
        return sql;
    }

    static void attach(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ATTACH IF NOT EXISTS ':memory:' AS " + DATABASE);
        }
    }

    static void detach(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DETACH DATABASE IF EXISTS " + DATABASE);
        }
    }
}
