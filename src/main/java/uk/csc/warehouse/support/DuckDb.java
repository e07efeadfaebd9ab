package uk.csc.warehouse.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens DuckDB connections with the settings the whole project shares. */
public final class DuckDb {
    private DuckDb() {}

    public static Connection inMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:", defaults());
    }

    public static Connection file(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), defaults());
    }

    public static Connection readOnly(Path file) throws SQLException {
        Properties p = defaults();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
    }

    private static Properties defaults() {
        Properties p = new Properties();
        // Extracts are personal data: never let DuckDB fetch extensions or phone home.
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "true");
        return p;
    }
}
