package uk.csc.warehouse.support;

import java.nio.file.Path;

/** Quoting for the few places SQL text is assembled from names and paths (never from data values). */
public final class Sql {
    private Sql() {}

    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    public static String literal(Path p) {
        return literal(p.toAbsolutePath().toString().replace('\\', '/'));
    }

    public static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
