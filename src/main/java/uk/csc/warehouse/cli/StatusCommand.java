package uk.csc.warehouse.cli;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.schedule.CronSchedule;
import uk.csc.warehouse.runs.DataDirLock;
import uk.csc.warehouse.schedule.JobRegistry;
import uk.csc.warehouse.schedule.NightlyLoadJob;
import uk.csc.warehouse.runs.RunLedger;
import uk.csc.warehouse.runs.RunRecord;
import uk.csc.warehouse.schedule.ScheduleConfig;
import uk.csc.warehouse.schedule.ServiceState;
import uk.csc.warehouse.schedule.WarehouseJob;
import uk.csc.warehouse.support.DataDir;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Is the warehouse fresh, and did the last runs work? Shows the service, what is running, each",
            "job's schedule, next fire (from the configured crons, even with no service up) and last run, and the",
            "latest runs from DIR/ops/run_ledger.duckdb.",
            "Exit 0 healthy; 1 the last run of any job failed or was interrupted (a run whose process is gone",
            "counts as interrupted); 2 stale: the last completed nightly, or the newest extract of a source in",
            "status.fresh-sources (default: case) in the published warehouse, is older than status.stale-after",
            "(default 26 hours); 3 both."})
final class StatusCommand implements Callable<Integer> {
    static final int FAILED = 1;
    static final int STALE = 2;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z");

    @Mixin
    DataDirOption data;

    @Option(names = "--runs", defaultValue = "10", paramLabel = "N", description = "How many recent runs to list (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        DataDir dataDir = data.dataDir();
        ScheduleConfig config = ScheduleConfig.load(dataDir);
        ZoneId zone = config.timeZone();
        Instant now = Instant.now();
        RunLedger ledger = RunLedger.of(dataDir);
        int exit = 0;

        ServiceState.Probe service = ServiceState.probe(dataDir);
        if (service.up()) {
            Duration age = service.heartbeatAge(now);
            boolean hung = age != null && age.compareTo(config.duration("serve.heartbeat-interval").multipliedBy(3)) > 0;
            System.out.printf("service:  up (pid %d, since %s, heartbeat %s)%s%n", service.pid(), at(service.started(), zone),
                    age == null ? "none" : age.toSeconds() + " s ago", hung ? "  WARNING: heartbeat is late; is it hung?" : "");
        } else {
            System.out.println("service:  not running" + (service.heartbeat() == null ? "" : " (last heartbeat " + at(service.heartbeat(), zone) + ")"));
        }
        Optional<DataDirLock.Holder> holder = DataDirLock.holder(dataDir);
        System.out.println("running:  " + holder.map(DataDirLock.Holder::describe).orElse("nothing"));

        Optional<RunRecord> lastLoad = ledger.lastCompleted(NightlyLoadJob.NAME);
        Duration staleAfter = config.duration("status.stale-after");
        if (lastLoad.isEmpty()) {
            System.out.println("data:     STALE: no completed nightly load on record" + (Files.exists(dataDir.warehouse())
                    ? " (warehouse.duckdb dated " + at(Files.getLastModifiedTime(dataDir.warehouse()).toInstant(), zone) + ")" : ""));
            exit |= STALE;
        } else {
            RunRecord r = lastLoad.get();
            Instant ended = r.endedAt() == null ? r.startedAt() : r.endedAt();
            Duration age = Duration.between(ended, now);
            boolean stale = age.compareTo(staleAfter) > 0;
            System.out.printf("data:     %s: last load finished %s (%s ago, run %s%s)%n", stale ? "STALE" : "fresh",
                    at(ended, zone), human(age), r.runId(), RunRecord.PARTIAL.equals(r.status()) ? ", partial: " + r.reason() : "");
            if (stale) {
                exit |= STALE;
            }
        }
        // A nightly that finds an empty inbox (the extract never came) still succeeds, and a run killed mid-build
        // has loaded an extract the warehouse does not show yet: what analysts see is only as fresh as the newest
        // extract in the published warehouse (ops.extract_snapshot), so that is what is checked.
        for (String source : config.get("status.fresh-sources").split(",")) {
            if (source.isBlank()) {
                continue;
            }
            Optional<PublishedExtract> newest = PublishedExtract.newest(dataDir, source.strip());
            if (newest.isEmpty()) {
                System.out.printf("extract:  STALE: the published warehouse holds no %s extract%n", source.strip());
                exit |= STALE;
                continue;
            }
            Instant loaded = newest.get().committedAt();
            Duration age = Duration.between(loaded, now);
            boolean stale = age.compareTo(staleAfter) > 0;
            System.out.printf("extract:  %s: newest %s extract loaded %s (%s ago; %s, extract date %s)%n",
                    stale ? "STALE" : "fresh", source.strip(), at(loaded, zone), human(age), newest.get().table(),
                    newest.get().extractDate());
            if (stale) {
                exit |= STALE;
            }
        }
        DataQualityStatus.print(dataDir, System.out);

        System.out.println();
        System.out.printf("%-19s %-24s %-28s %s%n", "job", "schedule", "next fire", "last run");
        JobRegistry registry = JobRegistry.standard(new InProcessCommands());
        for (WarehouseJob job : registry.all()) {
            List<String> crons = config.crons(job.name());
            String next = "-";
            Optional<String> notConfigured = job.notConfigured(config);
            if (!job.available()) {
                next = "not in this build";
            } else if (!crons.isEmpty() && notConfigured.isPresent()) {
                next = "not scheduled: " + notConfigured.get();
            } else if (!crons.isEmpty()) {
                next = new CronSchedule(crons, zone).nextAfter(now).map(t -> at(t, zone)).orElse("never");
            }
            Optional<RunRecord> last = ledger.lastAttempt(job.name());
            System.out.printf("%-19s %-24s %-28s %s%n", job.name(), crons.isEmpty() ? "on request" : String.join("; ", crons),
                    next, last.map(r -> r.status() + " " + at(r.startedAt(), zone) + " (" + r.trigger() + ")").orElse("never"));
        }

        List<RunRecord> recent = ledger.recent(runs);
        System.out.println();
        System.out.println(recent.isEmpty() ? "no runs on record (" + ledger.file() + ")" : "latest runs:");
        for (RunRecord r : recent) {
            System.out.printf("  %-40s %-18s %-16s %-11s %-24s %8s %9s rows  %s%n", r.runId(), r.job(), r.trigger(), r.status(),
                    at(r.startedAt(), zone), r.duration() == null ? "" : human(r.duration()), r.rowsLoaded(),
                    r.reason() == null ? "" : r.reason());
        }
        // The last run of every job counts: a failed comparators run must not hide behind a later good nightly.
        List<RunRecord> failed = new java.util.ArrayList<>();
        for (String job : ledger.jobs()) {
            Optional<RunRecord> bad = ledger.lastAttempt(job).filter(RunRecord::bad);
            // A typed load or build that failed is answered by a later nightly that loaded and built.
            Optional<RunRecord> redone = job.equals("load") || job.equals("build") ? lastLoad : Optional.empty();
            if (bad.isPresent() && redone.filter(r -> r.startedAt().isAfter(bad.get().startedAt())).isEmpty()) {
                failed.add(bad.get());
            }
        }
        if (!failed.isEmpty()) {
            System.out.println();
            for (RunRecord bad : failed) {
                System.out.println("FAILED:   " + bad.job() + " run " + bad.runId() + " " + bad.status() + ": " + bad.reason());
            }
            exit |= FAILED;
        }
        return exit;
    }

    private static String at(Instant t, ZoneId zone) {
        return t == null ? "-" : TIME.format(t.atZone(zone));
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        if (s < 172800) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return (s / 86400) + " days";
    }
}
