package uk.csc.warehouse.schedule;

import uk.csc.warehouse.ingest.pull.SourcePull;
import uk.csc.warehouse.ingest.pull.RemotePull;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The jobs the service knows by name. Adding a job is one {@code register} line in {@link #standard()}. */
public final class JobRegistry {
    private final Map<String, WarehouseJob> jobs = new LinkedHashMap<>();

    public JobRegistry register(WarehouseJob job) {
        jobs.put(job.name(), job);
        return this;
    }

    /** The product's jobs; {@code commands} runs the ones that are commands (cli.InProcessCommands). */
    public static JobRegistry standard(Commands commands) {
        return standard(new RemotePull(), commands);
    }

    /** The product's jobs, with the given remote pull in front of the nightly load. */
    public static JobRegistry standard(SourcePull pull, Commands commands) {
        return new JobRegistry()
                .register(new NightlyLoadJob(pull))
                .register(new IndicatorSnapshotJob())
                .register(new CommandJob(commands, "annex-a", "annex-a", "Ofsted ILACS Annex A workbook (option as_at)"))
                .register(new CommandJob(commands, "pack", "pack", "annual self-evaluation data pack (option year, default: "
                        + "the financial year last closed)", ctx -> Map.of("year", lastClosedFinancialYear(ctx))))
                .register(new CommandJob(commands, "ssda903", "return ssda903", "DfE SSDA903 children-looked-after return "
                        + "(option year, default: the collection year last closed)",
                        ctx -> Map.of("year", lastClosedFinancialYear(ctx))))
                // comparators-refresh needs the DfE LAIT file: schedule.comparators.option.lait=/path/bds_long.parquet
                .register(new CommandJob(commands, "comparators", "comparators-refresh",
                        "load a newer DfE LAIT file as the published comparators (option lait)").requires("lait"));
    }

    /** On 15 June 2026: "2025-26" (the year ended 31 March 2026). */
    static String lastClosedFinancialYear(JobContext ctx) {
        java.time.LocalDate today = java.time.LocalDate.now(ctx.config().timeZone());
        int endYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        return (endYear - 1) + "-" + String.format("%02d", endYear % 100);
    }

    public Optional<WarehouseJob> get(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    public Collection<WarehouseJob> all() {
        return jobs.values();
    }
}
