package uk.csc.warehouse.transform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import uk.csc.warehouse.support.DuckDb;

/**
 * An in-memory DuckDB holding what every model may call: the schemas, the seeds (reference.*) and the macros
 * of sql/macros/, created in the order the build creates them. For tests of macros and single models.
 */
final class MacroDatabase {
    private MacroDatabase() {}

    static Connection open(Path scratch) throws Exception {
        Connection c = DuckDb.inMemory();
        try (Statement st = c.createStatement()) {
            for (String schema : List.of("ops", "reference", "staging", "intermediate", "marts")) {
                st.execute("CREATE SCHEMA " + schema);
            }
            ReferenceData.load(c, Files.createDirectories(scratch.resolve("no-authority-reference")), scratch);
            for (String script : ModelCatalog.fromClasspath().macroScripts()) {
                st.execute(script);
            }
        }
        return c;
    }

    /** The first column of every row, as strings. */
    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static String one(Connection c, String sql) throws SQLException {
        List<String> rows = column(c, sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + ", got " + rows);
        }
        return rows.get(0);
    }
}
