package uk.csc.warehouse.transform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.Sql;

/** Materialises one model and writes its header into DuckDB COMMENTs. */
final class ModelRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRunner.class);

    private ModelRunner() {}

    /** Returns the rows built, or -1 for a view (not counted). */
    static long run(Connection c, Model m) throws SQLException {
        long started = System.nanoTime();
        String kind = "view".equals(m.materialized()) ? "VIEW" : "TABLE";
        try (Statement st = c.createStatement()) {
            String sql = IndicatorReshape.uses(m.sql()) ? IndicatorReshape.expand(c, m) : m.sql();
            st.execute("CREATE OR REPLACE " + kind + " " + m.qualifiedName() + " AS\n" + sql);
            Set<String> actual = columns(st, m);
            // One round trip for all the comments: a model has a dozen columns and a build has over a hundred models.
            StringBuilder comments = new StringBuilder("COMMENT ON " + kind + " " + m.qualifiedName() + " IS "
                    + Sql.literal(tableComment(m)) + ";\n");
            for (Map.Entry<String, String> col : m.columns().entrySet()) {
                if (!actual.contains(col.getKey().toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException(m.resource() + ": header documents column '" + col.getKey()
                            + "' which the model does not produce");
                }
                comments.append("COMMENT ON COLUMN ").append(m.qualifiedName()).append('.').append(Sql.ident(col.getKey()))
                        .append(" IS ").append(Sql.literal(col.getValue())).append(";\n");
            }
            st.execute(comments.toString());
            if ("VIEW".equals(kind)) {
                // counting a view's rows would run its query, often a chain of views, only for this log line
                LOG.info("built {} (a view) in {} ms", m.qualifiedName(), (System.nanoTime() - started) / 1_000_000);
                return -1;
            }
            long rows;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + m.qualifiedName())) {
                rs.next();
                rows = rs.getLong(1);
            }
            LOG.info("built {} ({} rows) in {} ms", m.qualifiedName(), rows, (System.nanoTime() - started) / 1_000_000);
            return rows;
        } catch (SQLException e) {
            throw new SQLException(m.resource() + ": " + e.getMessage(), e);
        }
    }

    private static String tableComment(Model m) {
        String grain = "Grain: " + m.grain();
        return m.definition() == null ? grain : grain + "\n" + m.definition();
    }

    private static Set<String> columns(Statement st, Model m) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT column_name FROM duckdb_columns() WHERE schema_name = "
                + Sql.literal(m.schema()) + " AND table_name = " + Sql.literal(m.name()))) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
