package uk.csc.warehouse.schedule;

import uk.csc.warehouse.ingest.pull.SourcePull;
import uk.csc.warehouse.runs.RunRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.csc.warehouse.cli.Main;
import uk.csc.warehouse.support.DataDir;

/**
 * A source that stays down: the nightly retries with back-off, fails clearly, leaves no warehouse change,
 * emails the team through a real SMTP server (GreenMail on loopback) without personal data, and status says so.
 */
class FailureNotificationTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path root;

    @Test
    void a_failing_source_is_retried_then_the_failure_is_emailed_and_status_is_non_zero() throws Exception {
        DataDir dir = new DataDir(root);
        AtomicInteger attempts = new AtomicInteger();
        SourcePull down = d -> {
            attempts.incrementAndGet();
            // A message quoting a person's name, as some drivers do: it must not reach the email.
            throw new ConnectException("Connection refused: sftp.case-system.example:22 for user 'Jane Smith' dob 20140302");
        };
        ScheduleConfig config = ScheduleTesting.config(Map.of(
                "schedule.nightly.cron", "0 0 2 * * ?", // never run: ledger empty, so it is caught up at start-up
                "schedule.catch-up", "true",
                "schedule.retry.attempts", "3",
                "schedule.retry.initial-delay", "PT0.05S",
                "schedule.retry.max-delay", "PT0.1S",
                "notify.smtp.host", "127.0.0.1",
                "notify.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                "notify.from", "csc-warehouse@council.example",
                "notify.to", "performance-team@council.example"));
        JobRegistry registry = new JobRegistry().register(new NightlyLoadJob(down));
        try (SchedulerService s = new SchedulerService(dir, config, registry, SmtpNotifier.fromConfig(config, dir))) {
            s.start();
            assertTrue(smtp.waitForIncomingEmail(30_000, 1), "a failure email arrives");
        }
        assertEquals(3, attempts.get(), "tried three times, then gave up");
        RunRecord run = ScheduleTesting.runs(dir, "nightly").get(0);
        assertEquals(RunRecord.FAILED, run.status());
        assertTrue(run.reason().startsWith("pull failed after 3 attempt(s): Connection refused"), run.reason());

        MimeMessage mail = smtp.getReceivedMessages()[0];
        String body = GreenMailUtil.getBody(mail);
        assertEquals("[csc-warehouse] nightly FAILED (run " + run.runId() + ")", mail.getSubject());
        assertEquals("performance-team@council.example", mail.getAllRecipients()[0].toString());
        assertTrue(body.contains("Run id:   " + run.runId()), body);
        assertTrue(body.contains("pull failed after 3 attempt(s)"), body);
        assertTrue(body.contains("The last good warehouse is still published"), body);
        assertFalse(body.contains("Jane") || body.contains("Smith") || body.contains("20140302"), "no personal data: " + body);

        int status = Main.execute("status", "--data-dir", root.toString());
        assertNotEquals(0, status);
        assertEquals(1, status & 1, "the failed run is reported");
        assertEquals(2, status & 2, "no load has completed, so the data is stale");
    }
}
