package uk.csc.warehouse.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.contract.ContractCatalog;

/**
 * Generates a whole synthetic local authority: every SSD extract table under {@code inbox/case/} and the
 * 0-17 population under {@code reference/}. Children are simulated one at a time, each from its own
 * random stream, and streamed to the files, so memory stays flat as the population grows.
 */
public final class SyntheticAuthority {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticAuthority.class);

    private SyntheticAuthority() {}

    public static GenerationSummary write(GeneratorSettings settings, Path dataDir) throws IOException {
        long started = System.nanoTime();
        Clock clock = new Clock(settings.asAt(), settings.years());
        Workforce workforce = new Workforce(settings.children(), settings.seed(), settings.asAt());
        Map<String, Long> counts;
        try (OutputTables out = new OutputTables(ContractCatalog.fromClasspath(), dataDir.resolve("inbox").resolve(OutputTables.SOURCE))) {
            workforce.writeDepartments(out);
            Child.Context ctx = new Child.Context(clock, new WorkingDays(), workforce, out, new ChildBuffer(workforce));
            ChildSimulator simulator = new ChildSimulator(settings, ctx);
            int cohort = ChildSimulator.cohortSize(settings);
            for (int i = 1; i <= cohort; i++) {
                simulator.simulate(i);
            }
            workforce.writeProfessionals(out);
            out.commit();
            out.stamp(settings.asAt());
            counts = out.rowCounts();
        }
        int years = PopulationFile.write(settings, clock, dataDir.resolve("reference"));
        long ms = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Generated synthetic authority: {} tables, {} person rows, {} referral rows, {} population years in {} ms",
                counts.size(), counts.get("case/ssd_person"), counts.get("case/ssd_cin_episodes"), years, ms);
        return new GenerationSummary(counts);
    }
}
