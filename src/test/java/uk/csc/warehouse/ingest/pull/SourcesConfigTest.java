package uk.csc.warehouse.ingest.pull;

import uk.csc.warehouse.support.Retry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.config.ConfigException;
import uk.csc.warehouse.config.JdbcSourceConfig;
import uk.csc.warehouse.config.SftpSourceConfig;
import uk.csc.warehouse.config.SourcesConfig;
import uk.csc.warehouse.support.DataDir;

/** The documented example file loads as documented; typos and missing secrets are named, secrets never shown. */
class SourcesConfigTest {
    @TempDir
    Path dir;

    @Test
    void the_shipped_example_loads_with_secrets_from_the_environment() throws Exception {
        Path file = dir.resolve(SourcesConfig.FILE_NAME);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("csc-warehouse.example.properties")) {
            Files.copy(in, file);
        }
        Files.writeString(dir.resolve("known_hosts"), "");
        SourcesConfig config = SourcesConfig.forDataDir(new DataDir(dir), null,
                Map.of("CSC_SFTP_PASSWORD", "sftp-secret", "CSC_JDBC_PASSWORD", "db-secret"));

        SftpSourceConfig sftp = config.sftp().get(0);
        assertEquals("case", sftp.source());
        assertEquals("sftp.example-council.gov.uk", sftp.host());
        assertEquals(22, sftp.port());
        assertEquals("sftp-secret", sftp.password().orElseThrow().reveal());
        assertEquals("****", sftp.password().orElseThrow().toString());
        assertEquals(dir.resolve("known_hosts"), sftp.knownHostsFile());
        assertEquals("(?i)[^.].*\\.csv", sftp.include());
        assertTrue("ssd_person.csv".matches(sftp.include()));
        assertFalse(".ssd_person.csv.part".matches(sftp.include()));
        assertEquals(SftpSourceConfig.AfterDownload.MOVE, sftp.afterDownload());
        assertEquals(Duration.ofSeconds(60), sftp.minAge());
        assertEquals(Retry.Policy.DEFAULT, sftp.retry());

        JdbcSourceConfig jdbc = config.jdbc().get(0);
        assertEquals("db-secret", jdbc.password().orElseThrow().reveal());
        assertEquals(List.of(), jdbc.tables(), "default: every contract table");
        assertEquals("SELECT * FROM ssd_development.ssd_person", jdbc.query("ssd_person"));
        assertEquals(10_000, jdbc.fetchSize());
        assertFalse(config.toString().contains("secret"));
    }

    @Test
    void no_file_means_no_remote_sources() {
        assertTrue(SourcesConfig.forDataDir(new DataDir(dir), null, Map.of()).isEmpty());
        ConfigException e = assertThrows(ConfigException.class,
                () -> SourcesConfig.forDataDir(new DataDir(dir), dir.resolve("missing.properties"), Map.of()));
        assertTrue(e.getMessage().startsWith("configuration file not found: "), e.getMessage());
    }

    @Test
    void typos_and_missing_settings_are_named() throws Exception {
        assertMessage("test: unknown key 'sftp.case.hostname'; did you mean 'sftp.case.host'? (known settings for sftp:",
                Map.of("sftp.case.hostname", "x"));
        assertMessage("test: key 'jdbc.cases.url' names source 'cases'; did you mean 'case'? (sources: case, complaints, hr)",
                Map.of("jdbc.cases.url", "x"));
        assertMessage("test: jdbc.case.url is required", Map.of("jdbc.case.username", "x"));
        assertMessage("test: jdbc.case.password refers to environment variable CSC_NOT_SET, which is not set",
                Map.of("jdbc.case.url", "jdbc:postgresql://h/db", "jdbc.case.password", "${env:CSC_NOT_SET}"));
        assertMessage("test: sftp.case.known-hosts-file is required; host-key checking is always on",
                Map.of("sftp.case.host", "h", "sftp.case.username", "u", "sftp.case.password", "p",
                        "sftp.case.remote-dir", "/x"));
        assertMessage("test: SFTP source 'case' has no credentials",
                Map.of("sftp.case.host", "h", "sftp.case.username", "u", "sftp.case.remote-dir", "/x"));
        assertMessage("test: jdbc.case.retry.initial-delay must be a duration such as 250ms",
                Map.of("jdbc.case.url", "jdbc:postgresql://h/db", "jdbc.case.retry.initial-delay", "soon"));
    }

    @Test
    void other_sections_of_the_shared_file_are_left_to_their_owners() {
        Properties p = new Properties();
        p.setProperty("schedule.nightly.cron", "0 30 1 * * ?");
        p.setProperty("jdbc.case.url", "jdbc:postgresql://h/db");
        SourcesConfig c = SourcesConfig.parse(p, Map.of(), "test", dir);
        assertEquals(1, c.jdbc().size());
        assertTrue(c.sftp().isEmpty());
    }

    @Test
    void passwords_fall_back_to_source_then_general_environment_variables() {
        Properties p = new Properties();
        p.setProperty("jdbc.case.url", "jdbc:postgresql://h/db;password=inline");
        p.setProperty("jdbc.hr.url", "jdbc:postgresql://h/hr");
        SourcesConfig c = SourcesConfig.parse(p, Map.of("CSC_JDBC_PASSWORD", "general", "CSC_JDBC_HR_PASSWORD", "hr"),
                "test", dir);
        assertEquals(Optional.of("general"), c.jdbc().get(0).password().map(s -> s.reveal()));
        assertEquals(Optional.of("hr"), c.jdbc().get(1).password().map(s -> s.reveal()));
        assertEquals("jdbc:postgresql://h/db;password=****", c.jdbc().get(0).safeUrl());
    }

    @Test
    void back_off_doubles_up_to_its_ceiling() {
        Retry.Policy r = new Retry.Policy(6, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertEquals(List.of(2L, 4L, 8L, 10L, 10L),
                List.of(1, 2, 3, 4, 5).stream().map(n -> r.delayAfter(n).toSeconds()).toList());
    }

    private void assertMessage(String start, Map<String, String> settings) {
        Properties p = new Properties();
        p.putAll(settings);
        ConfigException e = assertThrows(ConfigException.class, () -> SourcesConfig.parse(p, Map.of(), "test", dir));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
