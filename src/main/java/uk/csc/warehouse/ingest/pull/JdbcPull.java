package uk.csc.warehouse.ingest.pull;

import uk.csc.warehouse.support.Retry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.config.JdbcSourceConfig;
import uk.csc.warehouse.contract.ContractCatalog;
import uk.csc.warehouse.contract.TableContract;
import uk.csc.warehouse.support.DataDir;

/**
 * Pulls a source's tables from its reporting database into {@code inbox/<source>/<table>.csv}, one file per
 * table, streaming: the driver fetches {@code fetch-size} rows at a time (PostgreSQL needs autocommit off for
 * that; SQL Server streams by default) and each row goes straight to the file, so a table is never held in
 * memory. Each file is written as {@code .<table>.csv.part} beside its final name and renamed into place, so
 * the drop-folder route (which ignores dot-files) never sees half a file.
 *
 * <p>An unreachable database is retried with bounded exponential back-off, then reported naming the database
 * (URL with any password masked). Errors that retrying cannot fix (bad login, missing table) fail at once.
 */
public final class JdbcPull {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPull.class);

    private final JdbcSourceConfig config;
    private final DataDir dataDir;
    /** Test hook: sees each table's running row count as rows are written. */
    private final RowListener rowListener;

    interface RowListener {
        void rows(String table, long rowsSoFar);
    }

    public JdbcPull(JdbcSourceConfig config, DataDir dataDir) {
        this(config, dataDir, (table, rows) -> { });
    }

    JdbcPull(JdbcSourceConfig config, DataDir dataDir, RowListener rowListener) {
        this.config = config;
        this.dataDir = dataDir;
        this.rowListener = rowListener;
    }

    /** Runs the pull once; never throws for an unreachable or failing database, the result says why. */
    public PullReport.SourceResult pull() {
        long started = System.nanoTime();
        List<String> delivered = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        String failure = null;
        boolean permanent = true;
        try {
            List<String> tables = tables();
            Driver driver = driver();
            Path inbox = dataDir.inbox(config.source());
            Files.createDirectories(inbox);
            Connection connection = null;
            List<String> tableFailures = new ArrayList<>();
            try {
                for (String table : tables) {
                    int attempt = 1;
                    while (true) {
                        try {
                            if (connection == null || connection.isClosed()) {
                                connection = connect(driver);
                            }
                            rows.add(pullTable(connection, table, inbox));
                            delivered.add(table + ".csv");
                            break;
                        } catch (SQLException e) {
                            if (!transient_(e)) {
                                // e.g. a missing table: report it, still pull the others
                                tableFailures.add(describe("reading table " + table + " failed", e, attempt));
                                break;
                            }
                            if (attempt >= config.retry().attempts()) {
                                throw PullFailed.temporary(describe("reading table " + table + " failed", e, attempt));
                            }
                            closeQuietly(connection);
                            connection = null;
                            waitBeforeRetry("reading table " + table, e, attempt++);
                        }
                    }
                }
            } finally {
                closeQuietly(connection);
            }
            if (!tableFailures.isEmpty()) {
                failure = String.join("; ", tableFailures);
            }
        } catch (PullFailed e) {
            failure = e.getMessage();
            permanent = !e.temporary;
        } catch (IOException e) {
            failure = "jdbc source '" + config.source() + "': cannot write to the inbox: " + e.getMessage();
            permanent = false;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (failure == null) {
            LOG.info("pulled {} table(s) for {} from {} in {} ms", delivered.size(), config.source(),
                    config.safeUrl(), millis);
        } else {
            LOG.error(failure);
        }
        return new PullReport.SourceResult(config.source(), PullReport.Kind.JDBC, delivered, rows, failure, millis,
                failure != null && permanent);
    }

    private List<String> tables() {
        if (!config.tables().isEmpty()) {
            return config.tables();
        }
        List<String> fromContracts = ContractCatalog.fromClasspath().forSource(config.source()).stream()
                .map(TableContract::table).sorted().toList();
        if (fromContracts.isEmpty()) {
            throw new PullFailed("jdbc source '" + config.source() + "': no tables configured (jdbc."
                    + config.source() + ".tables) and no contracts in schemas/" + config.source() + "/");
        }
        return fromContracts;
    }

    private long pullTable(Connection connection, String table, Path inbox) throws SQLException, IOException {
        long started = System.nanoTime();
        Path target = inbox.resolve(table + ".csv");
        Path part = inbox.resolve("." + table + ".csv.part");
        long rows;
        boolean done = false;
        try (Statement st = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(config.fetchSize());
            try (ResultSet rs = st.executeQuery(config.query(table));
                 BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                LongConsumer progress = n -> rowListener.rows(table, n);
                rows = ResultSetCsv.write(rs, out, progress);
            }
            connection.commit();
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(part);
                rollbackQuietly(connection);
            }
        }
        if (Files.exists(target)) {
            LOG.warn("{}/{} from an earlier pull was never loaded; replacing it with this pull", config.source(),
                    target.getFileName());
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("pulled {}/{} rows={} in {} ms", config.source(), target.getFileName(), rows,
                (System.nanoTime() - started) / 1_000_000);
        return rows;
    }

    private Connection connect(Driver driver) {
        Properties props = new Properties();
        props.putAll(config.driverProperties());
        config.username().ifPresent(u -> props.setProperty("user", u));
        config.password().ifPresent(p -> props.setProperty("password", p.reveal()));
        int[] attempts = {0};
        try {
            return Retry.run(config.retry(), "jdbc source '" + config.source() + "': connecting", () -> {
                attempts[0]++;
                Connection c = driver.connect(config.url(), props);
                if (c == null) {
                    throw new PullFailed("jdbc source '" + config.source() + "': the driver does not accept "
                            + config.safeUrl());
                }
                // Streaming: PostgreSQL only honours the fetch size inside a transaction.
                c.setAutoCommit(false);
                c.setReadOnly(true);
                return c;
            });
        } catch (Retry.Exhausted e) {
            throw PullFailed.temporary(describe("cannot connect", (SQLException) e.getCause(), attempts[0]));
        } catch (SQLException e) {
            throw new PullFailed(describe("cannot connect", e, attempts[0]));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullFailed("jdbc source '" + config.source() + "': interrupted while waiting to retry");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PullFailed("jdbc source '" + config.source() + "': cannot connect: " + oneLine(e));
        }
    }

    private String describe(String what, SQLException e, int attempts) {
        return "jdbc source '" + config.source() + "': " + what + " (" + config.safeUrl() + ") after " + attempts
                + (attempts == 1 ? " attempt: " : " attempts: ") + oneLine(e);
    }

    private void waitBeforeRetry(String what, SQLException e, int attempt) {
        Duration delay = config.retry().delayAfter(attempt);
        LOG.warn("jdbc source '{}': {} failed (attempt {} of {}), retrying in {} ms: {}", config.source(), what,
                attempt, config.retry().attempts(), delay.toMillis(), oneLine(e));
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new PullFailed("jdbc source '" + config.source() + "': interrupted while waiting to retry");
        }
    }

    /** The driver for the URL: from {@code driver-jar} if configured (e.g. Microsoft's mssql-jdbc), else the classpath. */
    private Driver driver() {
        if (config.driverJar().isPresent()) {
            Path jar = config.driverJar().get();
            try {
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        JdbcPull.class.getClassLoader());
                for (Driver d : ServiceLoader.load(Driver.class, loader)) {
                    if (d.acceptsURL(config.url())) {
                        return d;
                    }
                }
            } catch (MalformedURLException | SQLException e) {
                throw new PullFailed("jdbc source '" + config.source() + "': cannot load driver jar " + jar + ": "
                        + e.getMessage());
            }
            throw new PullFailed("jdbc source '" + config.source() + "': no driver in " + jar + " accepts "
                    + config.safeUrl());
        }
        try {
            return DriverManager.getDriver(config.url());
        } catch (SQLException e) {
            throw new PullFailed("jdbc source '" + config.source() + "': no JDBC driver for " + config.safeUrl()
                    + " on the classpath; set jdbc." + config.source() + ".driver-jar to the driver's jar"
                    + " (for SQL Server, Microsoft's mssql-jdbc)");
        }
    }

    /** Worth retrying: the one rule for what is temporary (support.Retry). */
    static boolean transient_(SQLException e) {
        return Retry.isTransient(e);
    }

    private String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        List<String> tables;
        try {
            tables = tables();
        } catch (RuntimeException noTables) {
            tables = List.of();
        }
        return withoutValues(JdbcSourceConfig.maskUrl(m.lines().findFirst().orElse(m)), config, tables);
    }

    /** Double-quoted text first (it may hold an apostrophe: "O'Neil"), then single-quoted. */
    private static final List<java.util.regex.Pattern> QUOTED = List.of(
            java.util.regex.Pattern.compile("\"([^\"\\n]*)\""), java.util.regex.Pattern.compile("'([^'\\n]*)'"));

    /**
     * A database quotes the value a row failed on ({@code invalid input syntax for type date: "O'Neil"},
     * {@code converting the varchar value 'Smith' to data type int}); those are a child's data and must not
     * reach the log, the ledger or an email. Quoted text is kept only when it is a name the council wrote in
     * its own settings (the schema, a table, or a word of a configured query), so
     * {@code relation "ssd_development.ssd_cla_health" does not exist} still says which table.
     */
    static String withoutValues(String message, JdbcSourceConfig config, List<String> tables) {
        StringBuilder known = new StringBuilder(config.schema());
        for (String table : tables) {
            known.append(' ').append(table).append(' ').append(config.query(table));
        }
        String words = known.toString().toLowerCase(java.util.Locale.ROOT);
        String out = message;
        for (java.util.regex.Pattern quoted : QUOTED) {
            char q = quoted.pattern().charAt(0);
            out = quoted.matcher(out).replaceAll(r -> {
                String inner = r.group(1);
                boolean identifier = inner.matches("[A-Za-z_][A-Za-z0-9_.]*")
                        && java.util.regex.Pattern.compile("(?<![a-z0-9_])" + java.util.regex.Pattern.quote(
                                inner.toLowerCase(java.util.Locale.ROOT)) + "(?![a-z0-9_])").matcher(words).find();
                return java.util.regex.Matcher.quoteReplacement(identifier ? r.group() : q + "…" + q);
            });
        }
        return out;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (c != null && !c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is already broken; the pull is reported as failed or retried
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // closing a broken connection
        }
    }

    /** Ends one source's pull with a message fit for an operator. */
    static final class PullFailed extends RuntimeException {
        /** The database stayed unreachable through this source's retries: a later round may succeed. */
        final boolean temporary;

        PullFailed(String message) {
            this(message, false);
        }

        private PullFailed(String message, boolean temporary) {
            super(message);
            this.temporary = temporary;
        }

        static PullFailed temporary(String message) {
            return new PullFailed(message, true);
        }
    }
}
