package uk.csc.warehouse.schedule;

import java.util.Map;
import uk.csc.warehouse.support.DataDir;

/** What a job is given: where the data is, which run this is, why it runs, and its options (e.g. as_at). */
public record JobContext(DataDir dataDir, String runId, JobTrigger trigger, Map<String, String> options,
                         ScheduleConfig config) {
    public JobContext {
        options = Map.copyOf(options);
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
