package uk.csc.warehouse.nightly;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import uk.csc.warehouse.ingest.CommittedSnapshots;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.ingest.pull.SourcePull;
import uk.csc.warehouse.output.OutputWriter;
import uk.csc.warehouse.runs.NothingToDo;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.Retry;
import uk.csc.warehouse.transform.WarehouseBuilder;

/**
 * The nightly cycle, the one copy that {@code run}, {@code demo}, {@code request nightly} and the scheduled
 * {@code nightly} job all call: pull remote extracts → load the inbox → build and publish the warehouse → publish
 * out/ as one set. What each kind of failure does (docs/architecture.md, "Failure rules"):
 * <ul>
 *   <li><b>Pull, temporary</b> (a server or database unreachable, a dropped connection, a timeout: see
 *       {@link Retry#isTransient}): the round is tried again with back-off ({@code schedule.retry.*}); still failing,
 *       the run <b>fails</b> before the load.</li>
 *   <li><b>Pull, permanent</b> (a refused host key or login, a missing folder or table, a configuration mistake):
 *       never retried; the run <b>fails</b> at once, before the load.</li>
 *   <li>Either way nothing is loaded or built: loading half a delivery would put tonight's tables beside last
 *       night's. Files that did arrive wait in the inbox for the next run; the last good warehouse stays published.</li>
 *   <li><b>Quarantined file</b>: the rest loads and builds; that table keeps its last good extract; the run is
 *       <b>partial</b> (it did its work, someone should look).</li>
 *   <li><b>Build or data test failure</b>: nothing is published, out/ is not touched; the run <b>fails</b>.</li>
 *   <li><b>Output failure</b>: out/ keeps last night's set; the run <b>fails</b>.</li>
 *   <li><b>Nothing delivered yet</b> (a new install): the run is <b>skipped</b> with the reason; nobody is emailed.</li>
 *   <li><b>Killed</b>: the lock frees with the process; every reader of the ledger sees the run <b>interrupted</b>.</li>
 * </ul>
 */
public final class NightlyCycle {

    /** Told as each step ends, so a terminal can print what a person reads (the service only logs). */
    public interface Progress {
        default void pulled(int files) {
        }

        default void loaded(LoadReport report) {
        }

        default void built(WarehouseBuilder.BuildResult built) {
        }

        default void published(Map<Path, Long> outputs) {
        }
    }

    public static final Progress SILENT = new Progress() {
    };

    /** What a cycle did: counts and file names only, never values from the data. */
    public record Result(int filesPulled, LoadReport load, WarehouseBuilder.BuildResult build, Map<Path, Long> outputs) {
        public long rowsLoaded() {
            return load.rowsLoaded();
        }

        public int filesQuarantined() {
            return load.quarantined().size();
        }

        /** Outputs relative to the data folder, for the ledger. */
        public List<String> outputNames(DataDir dir) {
            return outputs.keySet().stream().map(p -> dir.root().relativize(p).toString()).toList();
        }

        /** Why the run is partial (a file was quarantined), or null. */
        public String warning() {
            if (load.quarantined().isEmpty()) {
                return null;
            }
            LoadReport.FileResult first = load.quarantined().get(0);
            return load.quarantined().size() + " file(s) quarantined (first: " + first.source() + "/" + first.file()
                    + "); their tables keep the last good extract";
        }
    }

    private final SourcePull pull;
    private final Retry.Policy retry;
    private final Progress progress;

    public NightlyCycle(SourcePull pull, Retry.Policy retry, Progress progress) {
        this.pull = pull;
        this.retry = retry;
        this.progress = progress;
    }

    private static boolean anythingCommitted(DataDir dir) {
        CommittedSnapshots lake = CommittedSnapshots.read(dir.lake());
        return IngestRun.SOURCES.stream().anyMatch(s -> lake.newest(s).isPresent());
    }

    private static WarehouseBuilder ready(CompletableFuture<WarehouseBuilder> builder) throws Exception {
        try {
            return builder.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause; // a broken model header reads as it does when build parses it itself
            }
            throw e;
        }
    }

    public Result run(DataDir dir) throws Exception {
        // The model catalogue (170 SQL files and their YAML headers) is read while the extracts load, off the
        // build's path; nothing in it depends on the data.
        CompletableFuture<WarehouseBuilder> builder = CompletableFuture.supplyAsync(WarehouseBuilder::fromClasspath);
        int pulled = Steps.timed("pull", () -> Retry.run(retry, "pull", () -> pull.pullAll(dir)),
                n -> n + " file(s) arrived");
        progress.pulled(pulled);
        LoadReport report = Steps.timed("load", () -> IngestRun.defaults().run(dir),
                r -> r.results().size() + " file(s), " + r.rowsRead() + " rows read, " + r.rowsLoaded() + " loaded, "
                        + r.rowsQuarantined() + " quarantined; " + r.quarantined().size() + " file(s) refused");
        progress.loaded(report);
        if (report.results().isEmpty() && !anythingCommitted(dir)) {
            throw new NothingToDo("no extract has been delivered yet (the inbox and the lake are empty): nothing to "
                    + "build; put the extracts in " + dir.root().resolve("inbox") + " or configure sftp.*/jdbc.* sources");
        }
        WarehouseBuilder.BuildResult built = Steps.timed("build", () -> ready(builder).build(dir),
                b -> b.models() + " models, " + b.tests() + " data tests passed, published");
        progress.built(built);
        Map<Path, Long> outputs = Steps.timed("outputs", () -> OutputWriter.write(dir),
                o -> o.size() + " file(s), " + o.values().stream().mapToLong(Long::longValue).sum() + " rows");
        progress.published(outputs);
        return new Result(pulled, report, built, outputs);
    }
}
