package uk.csc.warehouse.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.schedule.JobRegistry;
import uk.csc.warehouse.schedule.ScheduleConfig;
import uk.csc.warehouse.schedule.SchedulerService;
import uk.csc.warehouse.schedule.SmtpNotifier;
import uk.csc.warehouse.support.DataDir;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run unattended: a scheduler for the nightly load (02:00), the monthly indicator snapshot,",
            "the annual self-evaluation pack and comparator refresh, plus on-demand requests dropped into",
            "DIR/requests/. Settings: DIR/csc-warehouse.properties (see README, 'Running it unattended').",
            "A night missed while the machine was off is run once at start-up. Failures are emailed.",
            "Stops cleanly on SIGTERM: a running job may finish within serve.shutdown-timeout."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: DIR/" + ScheduleConfig.FILE_NAME + "; every key has a default).")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        DataDir dataDir = data.dataDir();
        // The one validation pass: every key of the settings file, and the sources' values (credentials, files),
        // so a mistake stops the start instead of the 02:00 run.
        ScheduleConfig config = configFile == null ? ScheduleConfig.load(dataDir) : ScheduleConfig.load(configFile);
        if (configFile == null) {
            uk.csc.warehouse.ingest.pull.RemotePull.sources(dataDir);
        }
        SchedulerService service = new SchedulerService(dataDir, config, JobRegistry.standard(new InProcessCommands()),
                SmtpNotifier.fromConfig(config, dataDir));
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "csc-stop"));
        service.start();
        service.awaitStopped();
        return 0;
    }
}
