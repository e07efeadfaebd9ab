package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
/** Tells someone a run needs attention. Implementations never throw: a broken mail server must not break a run. */
public interface Notifier {
    void runNeedsAttention(RunRecord run);

    /** Logs only: used when no SMTP server is configured. */
    Notifier LOG_ONLY = run -> org.slf4j.LoggerFactory.getLogger(Notifier.class)
            .warn("no notify.smtp.host configured: nobody was emailed about {} run {} ({})", run.job(), run.runId(),
                    run.status());
}
