package uk.csc.warehouse.schedule;

import uk.csc.warehouse.support.Redact;
import uk.csc.warehouse.runs.RunRecord;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.DataDir;

/**
 * Emails the performance team through the council's SMTP relay when a run fails, is interrupted or is partial.
 * The email carries job, run id, times and the one-line (redacted) reason: never a value from the data.
 */
public final class SmtpNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpNotifier.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss z");

    private final ScheduleConfig config;
    private final DataDir dataDir;

    public SmtpNotifier(ScheduleConfig config, DataDir dataDir) {
        this.config = config;
        this.dataDir = dataDir;
    }

    /** The SMTP notifier when notify.smtp.host and notify.to are set; otherwise one that only logs. */
    public static Notifier fromConfig(ScheduleConfig config, DataDir dataDir) {
        if (config.get("notify.smtp.host").isBlank() || config.get("notify.to").isBlank()) {
            return Notifier.LOG_ONLY;
        }
        return new SmtpNotifier(config, dataDir);
    }

    @Override
    public void runNeedsAttention(RunRecord run) {
        if (!config.notifyOn().contains(run.status())) {
            return;
        }
        try {
            MimeMessage m = new MimeMessage(session());
            m.setFrom(new InternetAddress(config.get("notify.from")));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(config.get("notify.to")));
            m.setSubject(subject(run), "UTF-8");
            m.setText(body(run), "UTF-8");
            Transport.send(m);
            LOG.info("emailed {} about {} run {} ({})", config.get("notify.to"), run.job(), run.runId(), run.status());
        } catch (MessagingException | RuntimeException e) {
            LOG.error("could not email about {} run {}: {}", run.job(), run.runId(), Redact.oneLine(e));
        }
    }

    String subject(RunRecord run) {
        return "[csc-warehouse] " + run.job() + " " + run.status().toUpperCase() + " (run " + run.runId() + ")";
    }

    String body(RunRecord run) {
        ZoneId zone = config.timeZone();
        StringBuilder b = new StringBuilder();
        b.append("The ").append(run.job()).append(" job ").append(run.status()).append(".\n\n");
        b.append("Job:      ").append(run.job()).append('\n');
        b.append("Run id:   ").append(run.runId()).append('\n');
        b.append("Trigger:  ").append(run.trigger()).append('\n');
        b.append("Started:  ").append(run.startedAt() == null ? "-" : TIME.format(run.startedAt().atZone(zone))).append('\n');
        b.append("Ended:    ").append(run.endedAt() == null ? "-" : TIME.format(run.endedAt().atZone(zone))).append('\n');
        b.append("Reason:   ").append(run.reason() == null ? "-" : run.reason()).append('\n');
        b.append("Host:     ").append(hostName()).append('\n');
        b.append("Data dir: ").append(dataDir.root()).append("\n\n");
        if (!RunRecord.PARTIAL.equals(run.status())) {
            b.append("The last good warehouse is still published: analysts keep yesterday's figures.\n");
        }
        b.append("Details:  csc-warehouse status --data-dir ").append(dataDir.root()).append('\n');
        b.append("Logs:     journalctl -u csc-warehouse (search for run id ").append(run.runId()).append(")\n");
        return b.toString();
    }

    private Session session() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", config.get("notify.smtp.host"));
        p.setProperty("mail.smtp.port", config.get("notify.smtp.port"));
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "10000");
        p.setProperty("mail.smtp.writetimeout", "10000");
        p.setProperty("mail.smtp.starttls.enable", config.get("notify.smtp.starttls"));
        p.setProperty("mail.smtp.starttls.required", config.get("notify.smtp.starttls"));
        String user = config.get("notify.smtp.username");
        if (user.isBlank()) {
            return Session.getInstance(p);
        }
        p.setProperty("mail.smtp.auth", "true");
        String password = System.getenv(config.get("notify.smtp.password-env"));
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password == null ? "" : password);
            }
        });
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
