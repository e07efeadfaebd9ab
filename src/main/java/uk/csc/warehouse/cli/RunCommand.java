package uk.csc.warehouse.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import uk.csc.warehouse.ingest.LoadReport;
import uk.csc.warehouse.nightly.NightlyCycle;
import uk.csc.warehouse.schedule.CliRun;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.transform.WarehouseBuilder;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The nightly cycle, exactly as the service runs it: pull (SFTP/database sources in",
            "DIR/csc-warehouse.properties, if any) + load + build + write outputs to DIR/out/ as one set.",
            "A failed pull stops the run before the load (exit 1; the last good warehouse stays published);",
            "a quarantined file does not stop the build (its table keeps its last good snapshot), but the",
            "command then exits 2 so a scheduler notices. Exit 3: a nightly is already running."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        DataDir dataDir = data.dataDir();
        long started = System.nanoTime();
        int exit = CliRun.nightly(dataDir, printer());
        System.out.printf("run: done in %.1f s; warehouse %s%n", (System.nanoTime() - started) / 1e9, dataDir.warehouse());
        return exit;
    }

    /** What a person at the terminal reads as each step ends. */
    static NightlyCycle.Progress printer() {
        return new NightlyCycle.Progress() {
            @Override
            public void pulled(int files) {
                if (files > 0) {
                    System.out.printf("pull: %d file(s) delivered to the inbox%n", files);
                }
            }

            @Override
            public void loaded(LoadReport report) {
                LoadSummary.print(report);
            }

            @Override
            public void built(WarehouseBuilder.BuildResult built) {
                System.out.printf("build: %d models, %d data tests passed (%.1f s)%n", built.models(), built.tests(),
                        built.millis() / 1000.0);
            }

            @Override
            public void published(Map<Path, Long> outputs) {
                outputs.forEach((file, rows) -> System.out.printf("output: %s (%,d rows)%n", file, rows));
            }
        };
    }
}
