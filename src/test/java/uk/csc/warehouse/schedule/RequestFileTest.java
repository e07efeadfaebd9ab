package uk.csc.warehouse.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.csc.warehouse.schedule.ScheduleTesting.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.support.DataDir;

/**
 * On-demand jobs through route "requests": a file dropped into DIR/requests/, and the request command talking
 * to the running service. The job is a stand-in (EchoJob) because the Annex A command had not landed yet;
 * once it has, the same test with job=annex-a exercises the real workbook.
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

    private static boolean isFinal(DataDir dir, String id) {
        return RequestFiles.readOutcome(dir, id).map(p -> RequestFiles.FINAL.contains(p.getProperty("status"))).orElse(false);
    }
}
