package uk.csc.warehouse.ingest.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.config.JdbcSourceConfig;
import uk.csc.warehouse.config.SourcesConfig;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * A real PostgreSQL (zonky embedded, started in this test) standing in for the case system's reporting
 * database, with SSD tables shaped as the SQL Server deployment makes them (dates as date-times). The pull
 * streams each table to the inbox as CSV; the ordinary drop-folder load then lands exactly the same rows.
 */
class JdbcPullTest {
    private static EmbeddedPostgres pg;
    private static long startMillis;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startDatabase() throws Exception {
        long t0 = System.nanoTime();
        pg = EmbeddedPostgres.builder().start();
        startMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("embedded PostgreSQL started in " + startMillis + " ms on port " + pg.getPort());
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA ssd_development");
            // Synthetic people: no real child. Types follow the SQL Server SSD (datetime for dates).
            st.execute("""
                    CREATE TABLE ssd_development.ssd_person (
                      pers_person_id varchar(48) PRIMARY KEY, pers_forename varchar(300), pers_surname varchar(300),
                      pers_sex varchar(20), pers_dob timestamp, pers_nationality varchar(48), pers_upn varchar(13))""");
            st.execute("""
                    INSERT INTO ssd_development.ssd_person VALUES
                      ('P001', 'Amy, Jo', 'O''Neil', 'F', '2012-03-04 00:00:00', 'United Kingdom', 'A123'),
                      ('P002', 'Sam "SJ"', 'Smith', 'M', NULL, NULL, NULL),
                      ('P003', 'Élodie', 'Ng', 'F', '2019-12-31 00:00:00', 'France', NULL)""");
            st.execute("""
                    CREATE TABLE ssd_development.ssd_contacts (
                      cont_contact_id varchar(48) PRIMARY KEY, cont_person_id varchar(48), cont_contact_date timestamp,
                      cont_contact_source_code varchar(48), cont_contact_source_desc text,
                      cont_contact_outcome_json text)""");
            st.execute("""
                    INSERT INTO ssd_development.ssd_contacts VALUES
                      ('C001', 'P001', '2024-03-31 14:05:00', '1A',
                       E'School, via "DSL" email\\nsecond line, after a break', '{"outcome": "NFA", "n": 1}'),
                      ('C002', 'P002', '2024-04-01 00:00:00', '3B', NULL, NULL),
                      ('C003', 'P003', '2025-01-15 09:30:15.25', '5C', 'Health visitor', '')""");
            // A volatile function that announces, via application_name, how far the server has produced rows.
            st.execute("""
                    CREATE FUNCTION csc_probe_tick(n int) RETURNS int LANGUAGE plpgsql VOLATILE AS $$
                    BEGIN PERFORM set_config('application_name', 'csc-probe-' || n, false); RETURN n; END $$""");
        }
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void tables_round_trip_through_the_inbox_and_the_load_into_the_lake() throws Exception {
        DataDir dataDir = new DataDir(tmp.resolve("data"));
        JdbcSourceConfig config = config(Map.of("jdbc.case.tables", "person, ssd_contacts"));

        PullReport.SourceResult result = new JdbcPull(config, dataDir).pull();

        assertNull(result.failure(), result.failure());
        assertEquals(List.of("ssd_person.csv", "ssd_contacts.csv"), result.delivered());
        assertEquals(List.of(3L, 3L), result.rows());
        Path inbox = dataDir.inbox("case");
        assertEquals(List.of("ssd_contacts.csv", "ssd_person.csv"), names(inbox), "no temp files left");
        String person = Files.readString(inbox.resolve("ssd_person.csv"), StandardCharsets.UTF_8);
        assertEquals("pers_person_id,pers_forename,pers_surname,pers_sex,pers_dob,pers_nationality,pers_upn",
                person.lines().findFirst().orElseThrow(), "header = column names as the database gives them");
        assertTrue(person.contains("P001,\"Amy, Jo\",O'Neil,F,2012-03-04 00:00:00,United Kingdom,A123\n"), person);
        assertTrue(person.contains("P002,\"Sam \"\"SJ\"\"\",Smith,M,,,\n"), person);
        String contacts = Files.readString(inbox.resolve("ssd_contacts.csv"), StandardCharsets.UTF_8);
        assertTrue(contacts.contains("2025-01-15 09:30:15.25,"), contacts);

        LoadReport load = new IngestRun(Duration.ofMillis(1), Duration.ofMinutes(2)).run(dataDir);

        assertEquals(List.of(), load.quarantined(), "both files meet their contracts");
        assertEquals(6, load.rowsLoaded());
        assertEquals(
                database("SELECT pers_person_id, pers_forename, pers_surname, pers_sex, CAST(pers_dob AS date),"
                        + " pers_nationality FROM ssd_development.ssd_person ORDER BY 1"),
                lake(dataDir, "ssd_person", "pers_person_id, pers_forename, pers_surname, pers_sex, pers_dob,"
                        + " pers_nationality"));
        assertEquals(
                database("SELECT cont_contact_id, cont_person_id, CAST(cont_contact_date AS date),"
                        + " cont_contact_source_code, cont_contact_source_desc, NULLIF(cont_contact_outcome_json, '')"
                        + " FROM ssd_development.ssd_contacts ORDER BY 1"),
                lake(dataDir, "ssd_contacts", "cont_contact_id, cont_person_id, cont_contact_date,"
                        + " cont_contact_source_code, cont_contact_source_desc, cont_contact_outcome_json"));
    }

    @Test
    void rows_are_streamed_from_the_server_not_fetched_whole() throws Exception {
        DataDir dataDir = new DataDir(tmp.resolve("data"));
        int total = 20_000;
        int fetchSize = 100;
        JdbcSourceConfig config = config(Map.of(
                "jdbc.case.tables", "stream_probe",
                "jdbc.case.fetch-size", String.valueOf(fetchSize),
                "jdbc.case.query.stream_probe",
                "SELECT n AS probe_id, csc_probe_tick(n) AS tick FROM generate_series(1, " + total + ") AS n"));
        AtomicLong producedWhenWeHadWritten1000 = new AtomicLong(-1);
        JdbcPull pull = new JdbcPull(config, dataDir, (table, rows) -> {
            if (rows == 1000) {
                producedWhenWeHadWritten1000.set(serverProgress());
            }
        });

        PullReport.SourceResult result = pull.pull();

        assertNull(result.failure(), result.failure());
        assertEquals(List.of((long) total), result.rows());
        try (Stream<String> lines = Files.lines(dataDir.inbox("case").resolve("ssd_stream_probe.csv"))) {
            assertEquals(total + 1, lines.count());
        }
        long produced = producedWhenWeHadWritten1000.get();
        assertTrue(produced >= 1000 && produced <= 1000 + 2 * fetchSize,
                "when 1,000 rows were written the server had produced " + produced + " of " + total
                        + ": rows arrive a fetch at a time");
    }

    @Test
    void a_missing_table_is_reported_by_name_and_the_other_tables_still_arrive() throws Exception {
        DataDir dataDir = new DataDir(tmp.resolve("data"));
        PullReport.SourceResult result = new JdbcPull(config(Map.of("jdbc.case.tables", "cla_health, person")),
                dataDir).pull();
        assertEquals(List.of("ssd_person.csv"), result.delivered());
        assertTrue(result.failure().startsWith("jdbc source 'case': reading table ssd_cla_health failed ("),
                result.failure());
        assertTrue(result.failure().contains("after 1 attempt: "), "not retried: " + result.failure());
        assertEquals(List.of("ssd_person.csv"), names(dataDir.inbox("case")));
    }

    @Test
    void a_query_that_fails_on_a_value_is_reported_without_the_value() throws Exception {
        DataDir dataDir = new DataDir(tmp.resolve("data"));
        // The council's query casts a text column badly: PostgreSQL names the first value it could not cast
        // (P001's surname, O'Neil), as SQL Server would ('Smith'). The failure goes to the log, the run ledger
        // and the failure email: the name must not.
        JdbcSourceConfig config = config(Map.of("jdbc.case.tables", "person",
                "jdbc.case.query.person", "SELECT pers_person_id, CAST(pers_surname AS date) AS pers_dob"
                        + " FROM ssd_development.ssd_person ORDER BY pers_person_id"));

        PullReport.SourceResult result = new JdbcPull(config, dataDir).pull();

        String failure = result.failure();
        assertTrue(failure.startsWith("jdbc source 'case': reading table ssd_person failed ("), failure);
        assertTrue(failure.contains("invalid input syntax for type date: \"…\""), failure);
        assertFalse(failure.contains("Neil"), failure);
        assertEquals(List.of(), names(dataDir.inbox("case")), "no half table left in the inbox");
        // A table the database does not have is still named: the council wrote that name in its settings.
        String missing = new JdbcPull(config(Map.of("jdbc.case.tables", "cla_health")), dataDir).pull().failure();
        assertTrue(missing.contains("\"ssd_development.ssd_cla_health\""), missing);
    }

    @Test
    void an_unreachable_database_is_retried_then_named_without_its_password() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DataDir dataDir = new DataDir(tmp.resolve("data"));
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?connectTimeout=5&password=not-a-real-secret";
        JdbcSourceConfig config = config(Map.of("jdbc.case.url", url, "jdbc.case.tables", "person",
                "jdbc.case.retry.attempts", "3", "jdbc.case.retry.initial-delay", "20ms",
                "jdbc.case.retry.max-delay", "40ms"));

        long t0 = System.nanoTime();
        PullReport.SourceResult result = new JdbcPull(config, dataDir).pull();
        long millis = (System.nanoTime() - t0) / 1_000_000;

        String failure = result.failure();
        assertTrue(failure.startsWith("jdbc source 'case': cannot connect (jdbc:postgresql://127.0.0.1:" + closedPort
                + "/postgres?connectTimeout=5&password=****) after 3 attempts: "), failure);
        assertFalse(failure.contains("not-a-real-secret"), failure);
        assertTrue(millis >= 60, "backed off 20 + 40 ms between attempts, took " + millis + " ms");
        assertEquals(List.of(), result.delivered());
        assertEquals(List.of(), names(dataDir.inbox("case")));
    }

    /** How many rows the server has produced so far, read from another session. */
    private static long serverProgress() {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT application_name FROM pg_stat_activity"
                     + " WHERE application_name LIKE 'csc-probe-%'")) {
            return rs.next() ? Long.parseLong(rs.getString(1).substring("csc-probe-".length())) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JdbcSourceConfig config(Map<String, String> settings) {
        Properties props = new Properties();
        props.setProperty("jdbc.case.url", "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres");
        props.setProperty("jdbc.case.username", "postgres");
        props.setProperty("jdbc.case.retry.attempts", "2");
        props.setProperty("jdbc.case.retry.initial-delay", "10ms");
        props.putAll(settings);
        return SourcesConfig.parse(props, Map.of(), "test", tmp).jdbc().get(0);
    }

    private static List<List<String>> database(String sql) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            return rows(c, sql);
        }
    }

    private static List<List<String>> lake(DataDir dataDir, String table, String columns) throws SQLException {
        // any partition layout under lake/case/<table>/ (one load in this test)
        String glob = dataDir.lake().resolve("case").resolve(table).resolve("**").resolve(table + ".parquet").toString();
        try (Connection c = DuckDb.inMemory()) {
            return rows(c, "SELECT " + columns + " FROM read_parquet(" + Sql.literal(glob) + ") ORDER BY 1");
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
