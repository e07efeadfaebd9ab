package uk.csc.warehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.transform.ModelSelection;
import uk.csc.warehouse.transform.WarehouseBuilder;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build DIR/warehouse.duckdb from the lake: reference data, then the SQL models in sql/",
            "(staging -> intermediate -> marts) in dependency order, then the data tests. The new warehouse",
            "replaces the old one only if every test passes, so analysts never see a broken build."})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--select", paramLabel = "MODEL[+]",
            description = {"Rebuild only MODEL (e.g. marts.front_door or front_door), or with + MODEL and everything",
                "downstream of it, over a copy of the published warehouse; every data test still runs."})
    String select;

    @Override
    public Integer call() throws Exception {
        // Same lock and ledger as `run` and `serve`: two builds never race on warehouse.duckdb.building.
        return uk.csc.warehouse.schedule.CliRun.guarded(data.dataDir(), "build", () -> {
            ModelSelection selection = select == null ? ModelSelection.ALL : ModelSelection.parse(select);
            WarehouseBuilder.BuildResult r = WarehouseBuilder.fromClasspath().build(data.dataDir(), selection);
            System.out.printf("build: %d models, %d data tests passed, %s (%.1f s)%n", r.models(), r.tests(),
                    r.warehouse(), r.millis() / 1000.0);
            return 0;
        });
    }
}
