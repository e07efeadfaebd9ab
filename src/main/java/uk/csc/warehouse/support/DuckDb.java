package uk.csc.warehouse.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Opens DuckDB connections with the settings the whole project shares. */
public final class DuckDb {
    private DuckDb() {}

    /**
     * Starts loading DuckDB's native library in the background: the driver unpacks its 57 MB library from the jar
     * into a temporary file at every JVM start, which can overlap with reading the model catalogue. The first
     * connection waits for it if it is not done (class initialisation is one-at-a-time).
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try {
                Class.forName("org.duckdb.DuckDBNative", true, DuckDb.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // the first connection reports it, with its own message
            }
        }, "duckdb-preload");
        t.setDaemon(true);
        t.start();
    }

    public static Connection inMemory() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:", defaults());
    }

    /**
     * A database file opened for writing is made owner-only (rw-------) whatever the umask: each one holds
     * children's data or becomes the published warehouse.duckdb by a rename, which keeps the permissions.
     */
    public static Connection file(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), defaults());
        try {
            OwnerOnly.restrict(file);
        } catch (IOException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new SQLException("could not make " + file + " owner-only: " + e.getMessage(), e);
        }
        return c;
    }

    public static Connection readOnly(Path file) throws SQLException {
        Properties p = defaults();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
    }

    /**
     * Points DuckDB's spill at {@code dir}. Changing the temp directory resets DuckDB's cap on it to 90% of that disk's
     * free space (measured with DuckDB 1.4.4: a 300 MB cap set when connecting let a sort spill 2.8 GB once the
     * directory was set), so the configured cap, if any, is set again after it.
     */
    public static void spillTo(Statement st, Path dir) throws SQLException {
        st.execute("SET temp_directory = " + Sql.literal(dir));
        String cap = configured("csc.duckdb.max_temp_directory_size", "CSC_DUCKDB_MAX_TEMP_DIRECTORY_SIZE");
        if (cap != null) {
            st.execute("SET max_temp_directory_size = " + Sql.literal(cap));
        }
    }

    private static Properties defaults() {
        Properties p = new Properties();
        // Extracts are personal data: never let DuckDB fetch extensions or phone home.
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "true");
        // Resource caps for big runs (bench/ XL, or a small shared server), off unless set: DuckDB's own
        // defaults are 80% of RAM and one thread per core. E.g. CSC_DUCKDB_MEMORY_LIMIT=4GB makes DuckDB spill
        // to its temp directory instead of growing past 4 GB; CSC_DUCKDB_THREADS=2 caps its worker threads.
        // CSC_DUCKDB_MAX_TEMP_DIRECTORY_SIZE=20GB stops a runaway spill with DuckDB's out-of-memory error naming the
        // setting, instead of filling the disk the lake and the warehouse share (DuckDB's default: 90% of free space).
        // A -Dcsc.duckdb.memory_limit / -Dcsc.duckdb.threads system property wins over the environment.
        setting(p, "memory_limit", "csc.duckdb.memory_limit", "CSC_DUCKDB_MEMORY_LIMIT");
        setting(p, "threads", "csc.duckdb.threads", "CSC_DUCKDB_THREADS");
        setting(p, "max_temp_directory_size", "csc.duckdb.max_temp_directory_size", "CSC_DUCKDB_MAX_TEMP_DIRECTORY_SIZE");
        return p;
    }

    private static void setting(Properties p, String duckdbName, String property, String env) {
        String v = configured(property, env);
        if (v != null) {
            p.setProperty(duckdbName, v);
        }
    }

    private static String configured(String property, String env) {
        String v = System.getProperty(property, System.getenv(env));
        return v == null || v.isBlank() ? null : v.trim();
    }
}
