package uk.csc.warehouse.schedule;

/**
 * One thing the service can run: on a cron, on request, or from the command line. Adding one is a class
 * behind this interface plus one line in {@link JobRegistry#standard(Commands)}.
 */
public interface WarehouseJob {
    /** The name used in the config (schedule.NAME.cron), in request files (job=NAME) and in the ledger. */
    String name();

    /** One line for {@code status} and the logs. */
    String description();

    /** False when this build does not have the job's code yet (e.g. a command another team is still writing). */
    default boolean available() {
        return true;
    }

    /**
     * Why the job's scheduled runs cannot work with these settings (a required option is missing), or empty.
     * A job that is not configured is not scheduled and not made up at start-up; {@code status} says why. It
     * can still be requested with the option given.
     */
    default java.util.Optional<String> notConfigured(ScheduleConfig config) {
        return java.util.Optional.empty();
    }

    /**
     * Does the work. Throw to fail the run with a one-line reason; throw {@link InterruptedException} (or let
     * one through) when the service is stopping. Must leave no half-state: write beside, then rename.
     */
    JobResult run(JobContext context) throws Exception;
}
