package uk.csc.warehouse.schedule;

import uk.csc.warehouse.support.Redact;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The one Quartz job class: hands every fire of every job to {@link SchedulerService#fired}. Quartz never runs
 * one job (JobDetail) twice at once; our ledger check then skips a fire that an earlier run already answered.
 */
@DisallowConcurrentExecution
public final class QuartzJob implements InterruptableJob {
    static final String SERVICE = "csc.service";

    private volatile Thread worker;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        worker = Thread.currentThread();
        try {
            ((SchedulerService) context.getScheduler().getContext().get(SERVICE)).fired(context);
        } catch (SchedulerException | RuntimeException | java.sql.SQLException e) {
            throw new JobExecutionException("could not run " + context.getJobDetail().getKey().getName() + ": "
                    + Redact.oneLine(e), e, false);
        } finally {
            worker = null;
        }
    }

    @Override
    public void interrupt() {
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
    }
}
