package uk.csc.warehouse.cli;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.csc.warehouse.schedule.CliRun;
import uk.csc.warehouse.schedule.JobRegistry;
import uk.csc.warehouse.schedule.JobRunner;
import uk.csc.warehouse.schedule.JobTrigger;
import uk.csc.warehouse.schedule.RequestFiles;
import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.schedule.ScheduleConfig;
import uk.csc.warehouse.schedule.ServiceState;
import uk.csc.warehouse.schedule.SmtpNotifier;
import uk.csc.warehouse.support.DataDir;

@Command(name = "request", mixinStandardHelpOptions = true,
        description = {"Ask for a job now, e.g. an Ofsted Annex A:  request --data-dir DIR annex-a --as-at 2025-03-31",
            "If the service (serve) is up for DIR, the request is handed to it as a file in DIR/requests/ and this",
            "waits for its outcome; otherwise the job runs here, under the same lock and ledger.",
            "Exit 0 done, 1 failed or rejected, 3 not started (the same job is already running)."})
final class RequestCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "JOB", description = "nightly, indicator-snapshot, annex-a, pack, comparators")
    String job;

    @Option(names = "--as-at", paramLabel = "DATE", description = "As-at date for the job (yyyy-mm-dd), passed as as_at.")
    LocalDate asAt;

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE", description = "Any other option for the job, e.g. -o month=2025-03.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--timeout", defaultValue = "PT6H", paramLabel = "DURATION",
            description = "How long to wait for the service's answer (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-wait", description = "Hand the request to the service and return at once.")
    boolean noWait;

    @Override
    public Integer call() throws Exception {
        DataDir dataDir = data.dataDir();
        Map<String, String> opts = new LinkedHashMap<>(options);
        if (asAt != null) {
            opts.put("as_at", asAt.toString());
        }
        ServiceState.Probe service = ServiceState.probe(dataDir);
        return service.up() ? viaService(dataDir, service, opts) : direct(dataDir, opts);
    }

    private int viaService(DataDir dataDir, ServiceState.Probe service, Map<String, String> opts) throws Exception {
        byte[] rnd = new byte[2];
        new SecureRandom().nextBytes(rnd);
        String id = "cli-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()) + "-"
                + HexFormat.of().formatHex(rnd);
        RequestFiles.drop(dataDir, id, job, opts);
        Duration age = service.heartbeatAge(Instant.now());
        System.err.printf("request %s handed to the service (pid %d%s)%n", id, service.pid(),
                age == null ? "" : ", heartbeat " + age.toSeconds() + " s ago");
        if (noWait) {
            System.out.println("queued: " + id + "  (answer: " + RequestFiles.outcomes(dataDir).resolve(id + ".outcome") + ")");
            return 0;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Properties outcome = RequestFiles.readOutcome(dataDir, id).orElse(null);
            if (outcome != null) {
                String status = outcome.getProperty("status", "");
                if (!status.equals(last)) {
                    System.err.println("request " + id + ": " + status);
                    last = status;
                }
                if (RequestFiles.FINAL.contains(status)) {
                    return report(status, outcome.getProperty("run_id"), outcome.getProperty("outputs"),
                            outcome.getProperty("reason"));
                }
            }
            Thread.sleep(500);
        }
        System.err.println("request " + id + ": no answer within " + timeout + "; it may still run (see status)");
        return 1;
    }

    private int direct(DataDir dataDir, Map<String, String> opts) throws Exception {
        ScheduleConfig config = ScheduleConfig.load(dataDir);
        JobRegistry registry = JobRegistry.standard(new InProcessCommands());
        if (registry.get(job).isEmpty() || !registry.get(job).get().available()) {
            System.err.println("request: " + (registry.get(job).isEmpty() ? "no job named '" + job + "'"
                    : "job " + job + " is not in this build yet"));
            return 2;
        }
        System.err.println("request: no service is running for " + dataDir.root() + "; running " + job + " here");
        RunRecord run = new JobRunner(dataDir, config, registry, SmtpNotifier.fromConfig(config, dataDir))
                .run(new JobRunner.Request(job, JobTrigger.CLI, opts, null, null));
        return report(run.status(), run.runId(), run.outputs(), run.reason());
    }

    private static int report(String status, String runId, String outputs, String reason) {
        System.out.printf("%s: run %s%s%s%n", status, runId == null || runId.isEmpty() ? "-" : runId,
                outputs == null || outputs.isEmpty() ? "" : "; outputs " + outputs,
                reason == null || reason.isEmpty() ? "" : "; " + reason);
        return switch (status) {
            case RunRecord.SUCCEEDED, RunRecord.PARTIAL -> 0;
            case RunRecord.SKIPPED -> CliRun.NOT_STARTED;
            default -> 1;
        };
    }
}
