package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.runs.RunLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.csc.warehouse.schedule.ScheduleTesting.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.InProcessCommands;
import uk.csc.warehouse.cli.Main;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.testing.BuiltCohorts;
import uk.csc.warehouse.testing.TestAuthority;

/**
 * On-demand jobs through route "requests": a file dropped into DIR/requests/, and the request command talking
 * to the running service; and an Ofsted data request answered with the real Annex A workbook.
 */
class RequestFileTest {
    @TempDir
    Path root;

    @Test
    void a_request_file_runs_the_job_with_its_options_and_answers_in_an_outcome_file() throws Exception {
        DataDir dir = new DataDir(root);
        JobRegistry registry = new JobRegistry().register(new ScheduleTesting.EchoJob());
        try (SchedulerService s = new SchedulerService(dir, ScheduleTesting.config(Map.of()), registry, Notifier.LOG_ONLY)) {
            s.start();
            Files.writeString(RequestFiles.folder(dir).resolve("ofsted-2025.request"), "job=echo\nas_at=2025-03-31\n");
            Files.writeString(RequestFiles.folder(dir).resolve("typo.request"), "job=annex-z\n");
            await(Duration.ofSeconds(20), "both requests answered", () -> isFinal(dir, "ofsted-2025") && isFinal(dir, "typo"));

            Properties ok = RequestFiles.readOutcome(dir, "ofsted-2025").orElseThrow();
            assertEquals(RunRecord.SUCCEEDED, ok.getProperty("status"), ok.toString());
            assertEquals("out/echo-2025-03-31.txt", ok.getProperty("outputs"));
            assertTrue(Files.readString(dir.out().resolve("echo-2025-03-31.txt")).contains("as_at=2025-03-31"));
            RunRecord run = RunLedger.of(dir).get(ok.getProperty("run_id")).orElseThrow();
            assertEquals("request", run.trigger());
            assertEquals("ofsted-2025", run.requestId());
            assertEquals("as_at=2025-03-31", run.options());

            Properties typo = RequestFiles.readOutcome(dir, "typo").orElseThrow();
            assertEquals("rejected", typo.getProperty("status"));
            assertTrue(typo.getProperty("reason").contains("no job named 'annex-z'"), typo.toString());

            // The request command finds the service up (lock + heartbeat), hands it the request and waits for the answer.
            int exit = Main.execute("request", "--data-dir", root.toString(), "echo", "--as-at", "2024-03-31");
            assertEquals(0, exit);
            assertTrue(Files.exists(dir.out().resolve("echo-2024-03-31.txt")));
        }
    }

    @Test
    void an_ofsted_request_file_produces_the_annex_a_workbook() throws Exception {
        TestAuthority authority = BuiltCohorts.copy("front_door", root);
        DataDir dir = authority.dataDir;
        try (SchedulerService s = new SchedulerService(dir, ScheduleTesting.config(Map.of()), JobRegistry.standard(new InProcessCommands()),
                Notifier.LOG_ONLY)) {
            s.start();
            Files.writeString(RequestFiles.folder(dir).resolve("ofsted.request"), "job=annex-a\nas_at=2024-09-30\n");
            await(Duration.ofMinutes(2), "the Ofsted request answered", () -> isFinal(dir, "ofsted"));
        }
        Properties outcome = RequestFiles.readOutcome(dir, "ofsted").orElseThrow();
        assertEquals(RunRecord.SUCCEEDED, outcome.getProperty("status"), outcome.toString());
        Path workbook;
        try (Stream<Path> files = Files.walk(dir.out())) {
            workbook = files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            // List 3: referrals in the 6 months to 30 September 2024, i.e. 31 March - 30 September: the nine of
            // 2024-25 to date (R04 ... R10) and R03 on 31 March.
            assertEquals(10, book.getSheet("List 3").getLastRowNum(), "one row per referral in the window");
        }
    }

    private static boolean isFinal(DataDir dir, String id) {
        return RequestFiles.readOutcome(dir, id).map(p -> RequestFiles.FINAL.contains(p.getProperty("status"))).orElse(false);
    }
}
