package uk.csc.warehouse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.config.SourcesConfig;
import uk.csc.warehouse.ingest.pull.PullReport;
import uk.csc.warehouse.ingest.pull.RemoteSources;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Fetch extracts once from the SFTP servers and reporting databases configured in",
            "DIR/csc-warehouse.properties (or --config FILE) into DIR/inbox/<source>/, where the next load picks",
            "them up. Use it to test a new connection. Secrets can come from the environment (CSC_SFTP_PASSWORD,",
            "CSC_JDBC_PASSWORD, or $${env:NAME} in the file). Exits 1 naming the first source that failed."})
final class PullCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Sources configuration (default: DIR/csc-warehouse.properties; see README).")
    Path config;

    @Override
    public Integer call() throws Exception {
        SourcesConfig sources = SourcesConfig.forDataDir(data.dataDir(), config);
        if (sources.isEmpty()) {
            System.out.println("pull: no SFTP or database sources configured"
                    + sources.file().map(f -> " in " + f).orElse(" (no " + data.dataDir().root()
                    .resolve(SourcesConfig.FILE_NAME) + ")") + "; extracts arrive through DIR/inbox/ only");
            return 0;
        }
        PullReport report = RemoteSources.defaults().pullAll(data.dataDir(), sources);
        for (PullReport.SourceResult r : report.results()) {
            System.out.printf("%-6s %-10s %-4s %3d file(s)%s%n", r.ok() ? "OK" : "FAILED", r.source(),
                    r.kind().name().toLowerCase(), r.delivered().size(),
                    r.ok() ? (r.delivered().isEmpty() ? "" : "  " + String.join(", ", r.delivered()))
                            : "  " + r.failure());
        }
        System.out.printf("pull: %d file(s) delivered to %s, %d source(s) failed%n", report.filesDelivered(),
                data.dataDir().root().resolve("inbox"), report.failures().size());
        if (!report.ok()) {
            System.err.println("pull: " + report.failures().get(0).failure());
            return 1;
        }
        return 0;
    }
}
