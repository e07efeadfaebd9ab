package uk.csc.warehouse.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.transform.WarehouseBuilder;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.output.OutputWriter;
import uk.csc.warehouse.support.DataDir;

/**
 * The nightly cycle: pull remote extracts (retried with back-off) → load the inbox → build and publish the
 * warehouse (only if every data test passes) → refresh out/. The same three calls as {@code run}, with the
 * counts kept for the ledger. A failure at any step leaves the last good warehouse published.
 */
public final class NightlyLoadJob implements WarehouseJob {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyLoadJob.class);
    public static final String NAME = "nightly";

    private final SourcePull pull;

    public NightlyLoadJob(SourcePull pull) {
        this.pull = pull;
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
        DataDir dir = ctx.dataDir();
        int pulled = Steps.timed("pull", () -> Retry.run(ctx.config().retry(), "pull", () -> pull.pullAll(dir)),
                n -> n + " file(s) arrived");
        LoadReport report = Steps.timed("load", () -> IngestRun.defaults().run(dir),
                r -> r.results().size() + " file(s), " + r.rowsRead() + " rows read, " + r.rowsLoaded() + " loaded, "
                        + r.rowsQuarantined() + " quarantined; " + r.quarantined().size() + " file(s) refused");
        WarehouseBuilder.BuildResult built = Steps.timed("build", () -> WarehouseBuilder.fromClasspath().build(dir),
                b -> b.models() + " models, " + b.tests() + " data tests passed, published");
        Map<Path, Long> outputs = Steps.timed("outputs", () -> OutputWriter.write(dir),
                o -> o.size() + " file(s), " + o.values().stream().mapToLong(Long::longValue).sum() + " rows");
        List<String> written = new ArrayList<>();
        outputs.keySet().forEach(p -> written.add(dir.root().relativize(p).toString()));
        String warning = null;
        if (!report.quarantined().isEmpty()) {
            LoadReport.FileResult first = report.quarantined().get(0);
            warning = report.quarantined().size() + " file(s) quarantined (first: " + first.source() + "/" + first.file()
                    + "); their tables keep the last good extract";
        }
        LOG.debug("pulled {} file(s); built {} models", pulled, built.models());
        return new JobResult(report.rowsLoaded(), report.quarantined().size(), written, warning);
    }
}
