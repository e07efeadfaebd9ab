package uk.csc.warehouse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.csc.warehouse.generate.GeneratorSettings;
import uk.csc.warehouse.generate.SyntheticAuthority;
import uk.csc.warehouse.support.DataDir;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic London-borough-sized authority (about 64,000 children aged 0-17,",
            "5 years of history) into DIR and run the nightly cycle on it. Leaves DIR/warehouse.duckdb",
            "and DIR/out/. Synthetic data only."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "data", paramLabel = "DIR",
            description = "Where to put the demo authority (default: ./${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--children", defaultValue = "64000", paramLabel = "N", description = "Children aged 0-17 (default: ${DEFAULT-VALUE}).")
    int children;

    @Option(names = "--years", defaultValue = "5", paramLabel = "Y", description = "Years of history (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--as-at", paramLabel = "DATE", description = "Extract date (yyyy-mm-dd; default: yesterday).")
    LocalDate asAt;

    @Override
    public Integer call() throws Exception {
        DataDir dataDir = new DataDir(dir);
        GeneratorSettings settings = new GeneratorSettings(children, years, 20260401L,
                asAt == null ? LocalDate.now().minusDays(1) : asAt, "E09000028");
        SyntheticAuthority.write(settings, dataDir.root());
        System.out.printf("demo: generated a synthetic authority of %,d children (%d years to %s)%n",
                children, years, settings.asAt());
        // Under the nightly's lock and ledger, so `status` afterwards reports this run and its freshness.
        int status = uk.csc.warehouse.schedule.CliRun.nightly(dataDir, RunCommand.printer());
        System.out.println();
        System.out.println("Open it:  duckdb -readonly " + dataDir.warehouse() + "   then: from marts.front_door;");
        return status;
    }
}
