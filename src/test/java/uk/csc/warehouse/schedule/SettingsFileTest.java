package uk.csc.warehouse.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.config.ConfigException;
import uk.csc.warehouse.contract.Sources;
import uk.csc.warehouse.runs.RunLedger;
import uk.csc.warehouse.support.DataDir;

/**
 * DIR/csc-warehouse.properties is read once, at start-up, by one reader (issue 14): one duration syntax in every
 * section, every unknown key refused with the nearest known key, every value checked before anything runs.
 */
class SettingsFileTest {
    @TempDir
    Path root;

    private ScheduleConfig load(String... lines) throws Exception {
        Files.writeString(root.resolve(ScheduleConfig.FILE_NAME), String.join("\n", lines) + "\n");
        return ScheduleConfig.load(new DataDir(root));
    }

    private String refused(String... lines) {
        return assertThrows(ConfigException.class, () -> load(lines)).getMessage();
    }

    @Test
    void both_duration_syntaxes_are_accepted_in_every_section() throws Exception {
        ScheduleConfig c = load("schedule.retry.initial-delay=30s", "schedule.retry.max-delay=PT10M",
                "requests.lock-wait=6h", "status.stale-after=P2D", "schedule.catch-up.max-age=40d",
                "serve.heartbeat-interval=250ms");
        assertEquals(Duration.ofSeconds(30), c.duration("schedule.retry.initial-delay"));
        assertEquals(Duration.ofMinutes(10), c.duration("schedule.retry.max-delay"));
        assertEquals(Duration.ofHours(6), c.duration("requests.lock-wait"));
        assertEquals(Duration.ofDays(2), c.duration("status.stale-after"));
        assertEquals(Duration.ofDays(40), c.duration("schedule.catch-up.max-age"));
        assertEquals(Duration.ofMillis(250), c.duration("serve.heartbeat-interval"));
    }

    @Test
    void an_unknown_key_is_refused_naming_the_nearest_known_one() {
        assertTrue(refused("schedule.retry.initial-dely=30s").endsWith(
                ": unknown key 'schedule.retry.initial-dely'; did you mean 'schedule.retry.initial-delay'?"));
        assertTrue(refused("schedule.nightly.crn=0 0 2 * * ?").endsWith("; did you mean 'schedule.nightly.cron'?"));
        assertTrue(refused("notify.too=team@council.example").endsWith("; did you mean 'notify.to'?"));
        String sftp = refused("sftp.case.hots=sftp.example");
        assertTrue(sftp.contains("unknown key 'sftp.case.hots'; did you mean 'sftp.case.host'?"), sftp);
        assertTrue(refused("jdbc.compliants.url=jdbc:x").contains("did you mean 'complaints'?"));
    }

    @Test
    void a_bad_value_is_refused_at_start_up_naming_its_key() {
        assertTrue(refused("schedule.retry.initial-delay=soon").contains(
                "schedule.retry.initial-delay must be a duration such as 250ms, 30s, 5m, 2h, 3d or PT30S, not 'soon'"));
        assertTrue(refused("schedule.threads=three").contains("schedule.threads must be a whole number, not 'three'"));
        assertTrue(refused("schedule.time-zone=London").contains("schedule.time-zone is not a time zone"));
        assertTrue(refused("schedule.nightly.cron=0 0 25 * * ?").contains("schedule.nightly.cron"));
    }

    @Test
    void serve_refuses_to_start_on_a_mistyped_key_and_runs_nothing() throws Exception {
        Files.writeString(root.resolve(ScheduleConfig.FILE_NAME), "schedule.nigthly.cron=0 0 2 * * ?\n");
        PrintStream was = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.execute("serve", "--data-dir", root.toString());
        } finally {
            System.setErr(was);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertNotEquals(0, exit);
        assertTrue(said.contains("schedule.nigthly.cron names no job; did you mean schedule.nightly.cron?"), said);
        assertEquals(1, said.lines().filter(l -> l.startsWith("serve: ")).count(), "one sentence: " + said);
        assertTrue(said.lines().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + said);
        assertEquals(List.of(), RunLedger.of(new DataDir(root)).recent(10), "nothing ran");
    }

    @Test
    void the_sources_are_the_folders_of_schemas() {
        assertEquals(List.of("case", "complaints", "hr"), Sources.ALL);
    }
}
