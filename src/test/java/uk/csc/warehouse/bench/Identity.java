package uk.csc.warehouse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The identity proof a speed change owes (issue 19): every table and view in the named schemas of warehouse A holds
 * exactly the rows of the same relation in warehouse B, compared with {@code EXCEPT ALL} both ways, so duplicates
 * count. Columns that record when or by which run something was built are left out of the comparison (they differ
 * between two builds of the same data by design): their names match {@code --volatile REGEX}.
 *
 * <pre>java -cp csc-warehouse.jar:test-classes uk.csc.warehouse.bench.Identity A.duckdb B.duckdb [SCHEMA...]</pre>
 * Default schemas: marts. Prints one line per relation (rows, rows only in A, rows only in B) and exits 0 when every
 * relation is identical, 1 when one differs or exists on one side only. Benchmark tooling, not part of the product.
 */
public final class Identity {
    private static final Pattern VOLATILE_DEFAULT =
            Pattern.compile("(?i).*(built_at|build_id|run_id|loaded_at|generated_at|finished_at|started_at).*");

    private Identity() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        Pattern volatileColumns = VOLATILE_DEFAULT;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--volatile")) {
                volatileColumns = Pattern.compile(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.size() < 2) {
            System.err.println("usage: Identity [--volatile REGEX] A.duckdb B.duckdb [SCHEMA...]");
            System.exit(64);
        }
        Path a = Path.of(rest.get(0));
        Path b = Path.of(rest.get(1));
        for (Path p : List.of(a, b)) {
            if (!Files.isRegularFile(p)) {
                System.err.println("Identity: no warehouse file at " + p);
                System.exit(66);
            }
        }
        List<String> schemas = rest.size() > 2 ? rest.subList(2, rest.size()) : List.of("marts");
        System.exit(compare(a, b, schemas, volatileColumns) ? 0 : 1);
    }

    static boolean compare(Path a, Path b, List<String> schemas, Pattern volatileColumns) throws SQLException {
        boolean same = true;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", new Properties());
                Statement s = c.createStatement()) {
            s.execute("ATTACH '" + a.toString().replace("'", "''") + "' AS wa (READ_ONLY)");
            s.execute("ATTACH '" + b.toString().replace("'", "''") + "' AS wb (READ_ONLY)");
            for (String schema : schemas) {
                TreeSet<String> inA = relations(s, "wa", schema);
                TreeSet<String> inB = relations(s, "wb", schema);
                TreeSet<String> all = new TreeSet<>(inA);
                all.addAll(inB);
                for (String rel : all) {
                    if (!inA.contains(rel) || !inB.contains(rel)) {
                        System.out.printf("%s.%s\tonly in %s%n", schema, rel, inA.contains(rel) ? "A" : "B");
                        same = false;
                        continue;
                    }
                    List<String> cols = columns(s, "wa", schema, rel, volatileColumns);
                    List<String> colsB = columns(s, "wb", schema, rel, volatileColumns);
                    if (!cols.equals(colsB)) {
                        System.out.printf("%s.%s\tcolumns differ: %s vs %s%n", schema, rel, cols, colsB);
                        same = false;
                        continue;
                    }
                    String list = String.join(", ", cols);
                    String ra = "wa." + q(schema) + "." + q(rel);
                    String rb = "wb." + q(schema) + "." + q(rel);
                    long rows = one(s, "SELECT count(*) FROM " + ra);
                    long onlyA = one(s, "SELECT count(*) FROM (SELECT " + list + " FROM " + ra
                            + " EXCEPT ALL SELECT " + list + " FROM " + rb + ")");
                    long onlyB = one(s, "SELECT count(*) FROM (SELECT " + list + " FROM " + rb
                            + " EXCEPT ALL SELECT " + list + " FROM " + ra + ")");
                    boolean ok = onlyA == 0 && onlyB == 0;
                    same &= ok;
                    System.out.printf("%s.%s\t%d rows\tonly in A %d\tonly in B %d\t%s%n",
                            schema, rel, rows, onlyA, onlyB, ok ? "identical" : "DIFFERENT");
                }
            }
        }
        System.out.println(same ? "IDENTICAL" : "DIFFERENT");
        return same;
    }

    private static TreeSet<String> relations(Statement s, String db, String schema) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_catalog = '"
                + db + "' AND table_schema = '" + schema.replace("'", "''") + "'")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static List<String> columns(Statement s, String db, String schema, String rel, Pattern volatileColumns)
            throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_catalog = '"
                + db + "' AND table_schema = '" + schema.replace("'", "''") + "' AND table_name = '"
                + rel.replace("'", "''") + "' ORDER BY column_name")) {
            while (r.next()) {
                String c = r.getString(1);
                if (!volatileColumns.matcher(c).matches()) {
                    out.add(q(c));
                }
            }
        }
        return out;
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String q(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
