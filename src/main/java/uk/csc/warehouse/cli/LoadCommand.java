package uk.csc.warehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import uk.csc.warehouse.ingest.IngestRun;
import uk.csc.warehouse.ingest.LoadReport;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Run the ingest routes once over DIR/inbox/: each CSV is checked against its contract",
            "in schemas/, landed as Parquet under DIR/lake/<source>/<table>/extract_date=<date>/ and moved to",
            "DIR/archive/. A file that breaks its contract goes to DIR/quarantine/ with a .reason.txt and the",
            "command exits 2 naming file and problem; good files still load."})
final class LoadCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        // Same lock and ledger as the scheduled nightly: never overlaps a load or build of `serve` or `run`.
        return uk.csc.warehouse.schedule.CliRun.guarded(data.dataDir(), "load", () -> {
            LoadReport report = IngestRun.defaults().run(data.dataDir());
            return LoadSummary.print(report);
        });
    }
}
