package uk.csc.warehouse.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import uk.csc.warehouse.transform.WarehouseBuilder;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.output.OutputWriter;
import uk.csc.warehouse.schedule.RemotePull;
import uk.csc.warehouse.support.DataDir;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The nightly cycle: pull (SFTP/database sources in DIR/csc-warehouse.properties, if any)",
            "+ load + build + write outputs to DIR/out/.",
            "A failed pull or a quarantined file does not stop the build (tables keep their last good snapshot),",
            "but the command then exits 2 so a scheduler notices."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        // Same lock and ledger as the scheduled load: never overlaps `serve`, and `status` sees this run.
        return uk.csc.warehouse.schedule.CliRun.guarded(data.dataDir(), "nightly", () -> runCycle(data.dataDir()));
    }

    static int runCycle(DataDir dataDir) throws Exception {
        long started = System.nanoTime();
        int pullStatus = 0;
        try {
            int delivered = new RemotePull().pullAll(dataDir);
            if (delivered > 0) {
                System.out.printf("pull: %d file(s) delivered to the inbox%n", delivered);
            }
        } catch (Exception e) {
            System.err.println("pull: " + e.getMessage().lines().findFirst().orElse("") + "; loading what is in the inbox");
            pullStatus = LoadSummary.QUARANTINED;
        }
        LoadReport report = IngestRun.defaults().run(dataDir);
        int loadStatus = Math.max(pullStatus, LoadSummary.print(report));
        WarehouseBuilder.BuildResult built = WarehouseBuilder.fromClasspath().build(dataDir);
        System.out.printf("build: %d models, %d data tests passed (%.1f s)%n", built.models(), built.tests(),
                built.millis() / 1000.0);
        Map<Path, Long> outputs = OutputWriter.write(dataDir);
        outputs.forEach((file, rows) -> System.out.printf("output: %s (%,d rows)%n", file, rows));
        System.out.printf("run: done in %.1f s; warehouse %s%n", (System.nanoTime() - started) / 1e9, dataDir.warehouse());
        return loadStatus;
    }
}
