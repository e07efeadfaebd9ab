package uk.csc.warehouse.schedule;

import uk.csc.warehouse.runs.RunRecord;
import java.util.Map;
import java.util.concurrent.Callable;
import uk.csc.warehouse.ingest.pull.RemotePull;
import uk.csc.warehouse.nightly.NightlyCycle;
import uk.csc.warehouse.support.DataDir;

/**
 * Puts a command typed at the terminal ({@code run}) under the same rules as the service: it takes the data
 * folder's lock (so it never overlaps a scheduled load or build), and it is recorded in the run ledger with
 * trigger {@code cli}, so {@code status} and the freshness check see it.
 */
public final class CliRun {
    /** Exit code when the job was not started because the same job is already running. */
    public static final int NOT_STARTED = 3;

    private CliRun() {}

    /**
     * Runs {@code cycle} as job {@code job}. Its exit code 0 is success, 2 means "done, but files were
     * quarantined" (partial); an exception fails the run and is rethrown with the one-line reason.
     */
    /**
     * The nightly cycle typed at the terminal ({@code run}, {@code demo}): the same job the service runs, so the
     * same failure rules and a ledger row with the rows loaded and the outputs written. Exit 0 succeeded, 2
     * partial (files quarantined), 3 not started; a failed run throws with its one-line reason.
     */
    public static int nightly(DataDir dataDir, NightlyCycle.Progress progress) throws Exception {
        ScheduleConfig config = ScheduleConfig.load(dataDir);
        JobRegistry registry = new JobRegistry().register(new NightlyLoadJob(new RemotePull(), progress));
        RunRecord run = new JobRunner(dataDir, config, registry, SmtpNotifier.fromConfig(config, dataDir))
                .run(new JobRunner.Request(NightlyLoadJob.NAME, JobTrigger.CLI, Map.of(), null, null));
        return exitCode(run, RunRecord.PARTIAL.equals(run.status()) ? 2 : 0);
    }

    public static int guarded(DataDir dataDir, String job, Callable<Integer> cycle) throws Exception {
        ScheduleConfig config = ScheduleConfig.load(dataDir);
        JobRunner runner = new JobRunner(dataDir, config, new JobRegistry(), SmtpNotifier.fromConfig(config, dataDir));
        int[] exit = {0};
        RunRecord run = runner.run(new JobRunner.Request(job, JobTrigger.CLI, Map.of(), null, null), new WarehouseJob() {
            @Override
            public String name() {
                return job;
            }

            @Override
            public String description() {
                return job + " from the command line";
            }

            @Override
            public JobResult run(JobContext context) throws Exception {
                exit[0] = cycle.call();
                return exit[0] == 2 ? new JobResult(0, 0, java.util.List.of(), "file(s) quarantined (see the load summary)")
                        : JobResult.ok();
            }
        });
        return exitCode(run, exit[0]);
    }

    private static int exitCode(RunRecord run, int done) {
        switch (run.status()) {
            case RunRecord.SUCCEEDED, RunRecord.PARTIAL -> {
                return done;
            }
            case RunRecord.SKIPPED -> {
                System.err.println(run.job() + ": " + run.reason());
                return NOT_STARTED;
            }
            default -> throw new IllegalStateException(run.reason() + " (run " + run.runId() + ")");
        }
    }
}
