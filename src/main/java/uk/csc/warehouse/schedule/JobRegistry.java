package uk.csc.warehouse.schedule;

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

    /** The product's jobs. */
    public static JobRegistry standard() {
        return standard(SourcePull.NONE);
    }

    /** The product's jobs, with the given remote pull in front of the nightly load. */
    public static JobRegistry standard(SourcePull pull) {
        return new JobRegistry()
                .register(new NightlyLoadJob(pull))
                .register(new IndicatorSnapshotJob())
                .register(new CommandJob("annex-a", "annex-a", "Ofsted ILACS Annex A workbook (option as_at)"))
                .register(new CommandJob("pack", "pack", "annual self-evaluation data pack"))
                .register(new CommandJob("comparators", "comparators", "refresh published comparator figures"));
    }

    public Optional<WarehouseJob> get(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    public Collection<WarehouseJob> all() {
        return jobs.values();
    }
}
