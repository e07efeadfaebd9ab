package uk.csc.warehouse.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.contract.ContractCatalog;

/**
 * Generates a whole synthetic local authority: every SSD extract table under {@code inbox/case/}, the
 * complaints system's and HR system's extracts under {@code inbox/complaints/} and {@code inbox/hr/}, and the
 * 0-17 population under {@code reference/}. Children are simulated one at a time, each from its own
 * random stream, and streamed to the files, so memory stays flat as the population grows.
 */
public final class SyntheticAuthority {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticAuthority.class);

    private SyntheticAuthority() {}

    public static GenerationSummary write(GeneratorSettings settings, Path dataDir) throws IOException {
        return write(settings, dataDir, true);
    }

    /**
     * {@code returnTables} false leaves out what issue 15 added (the returns' tables, real postcodes, URNs): the
     * extract as it was, which is how a test proves those draw from their own streams and changed nothing else.
     */
    static GenerationSummary write(GeneratorSettings settings, Path dataDir, boolean returnTables) throws IOException {
        long started = System.nanoTime();
        Clock clock = new Clock(settings.asAt(), settings.years());
        Workforce workforce = new Workforce(settings.children(), settings.seed(), settings.asAt(), clock.windowStart);
        Map<String, Long> counts = new java.util.TreeMap<>();
        ContractCatalog catalog = ContractCatalog.fromClasspath();
        Path inbox = dataDir.resolve("inbox");
        try (OutputTables out = new OutputTables(catalog, inbox.resolve(OutputTables.SOURCE));
             OutputTables complaints = new OutputTables(catalog, inbox.resolve("complaints"), "complaints");
             OutputTables hr = new OutputTables(catalog, inbox.resolve("hr"), "hr")) {
            workforce.writeDepartments(out);
            WorkingDays workingDays = new WorkingDays();
            Representations representations = new Representations(settings.seed(), workforce, workingDays, clock, complaints);
            Child.Context ctx = new Child.Context(clock, workingDays, workforce, out, new ChildBuffer(workforce, representations));
            ChildSimulator simulator = new ChildSimulator(settings, ctx, returnTables);
            int cohort = ChildSimulator.cohortSize(settings);
            for (int i = 1; i <= cohort; i++) {
                simulator.simulate(i);
            }
            workforce.writeProfessionals(out);
            representations.finish();
            HrExtract.write(workforce, settings.seed(), hr);
            for (OutputTables t : java.util.List.of(out, complaints, hr)) {
                t.commit();
                t.stamp(settings.asAt());
                counts.putAll(t.rowCounts());
            }
        }
        int years = PopulationFile.write(settings, clock, dataDir.resolve("reference"));
        // so every output of this folder says it is synthetic, though it is compared as the real authority
        uk.csc.warehouse.output.Provenance.writeMarker(dataDir.resolve("reference"), String.format(
                "Made up by csc-warehouse generate (%,d children, %d years to %s, seed %d) in place of %s.",
                settings.children(), settings.years(), settings.asAt(), settings.seed(), settings.laCode()));
        long ms = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Generated synthetic authority: {} tables, {} person rows, {} referral rows, {} population years in {} ms",
                counts.size(), counts.get("case/ssd_person"), counts.get("case/ssd_cin_episodes"), years, ms);
        return new GenerationSummary(counts);
    }
}
