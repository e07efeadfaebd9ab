package uk.csc.warehouse.schedule;

import uk.csc.warehouse.ingest.pull.SourcePull;
import uk.csc.warehouse.nightly.NightlyCycle;

/**
 * The {@code nightly} job: the {@link NightlyCycle} (pull → load → build → outputs, with its failure rules), run
 * by whoever asks (cron, catch-up, request file, {@code run}, {@code demo}) and recorded in the ledger with the
 * rows loaded and the outputs written.
 */
public final class NightlyLoadJob implements WarehouseJob {
    public static final String NAME = "nightly";

    private final SourcePull pull;
    private final NightlyCycle.Progress progress;

    public NightlyLoadJob(SourcePull pull) {
        this(pull, NightlyCycle.SILENT);
    }

    public NightlyLoadJob(SourcePull pull, NightlyCycle.Progress progress) {
        this.pull = pull;
        this.progress = progress;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pull remote extracts, load the inbox, build and publish the warehouse, refresh out/";
    }

    @Override
    public JobResult run(JobContext ctx) throws Exception {
        NightlyCycle.Result r = new NightlyCycle(pull, ctx.config().retry(), progress).run(ctx.dataDir());
        return new JobResult(r.rowsLoaded(), r.filesQuarantined(), r.outputNames(ctx.dataDir()), r.warning());
    }
}
