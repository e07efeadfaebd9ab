package uk.csc.warehouse.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.generate.GenerationSummary;
import uk.csc.warehouse.generate.GeneratorSettings;
import uk.csc.warehouse.generate.SyntheticAuthority;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic authority's extracts into DIR/inbox/<source>/ (case, complaints, hr)",
            "and its population of children aged 0-17 into DIR/reference/. Simulates child journeys",
            "(contact -> referral -> assessment -> S47 -> CP plan -> care -> leaving care). Deterministic:",
            "the same options give the same bytes. Synthetic data only; no real child is in it."})
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--children", defaultValue = "64000", paramLabel = "N",
            description = "Children aged 0-17 living in the authority (default: ${DEFAULT-VALUE}, a London borough).")
    int children;

    @Option(names = "--years", defaultValue = "5", paramLabel = "Y",
            description = "Years of history before the as-at date (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--seed", defaultValue = "20260401", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-at", paramLabel = "DATE", description = "Date the extract is taken (yyyy-mm-dd; default: yesterday).")
    LocalDate asAt;

    @Option(names = "--la-code", defaultValue = "E09000028", paramLabel = "CODE",
            description = "ONS code the authority stands in for (default: ${DEFAULT-VALUE}, Southwark, so packs compare with real published figures).")
    String laCode;

    @Override
    public Integer call() throws Exception {
        GeneratorSettings settings = settings();
        GenerationSummary summary = SyntheticAuthority.write(settings, data.dataDir().root());
        long rows = summary.rowsByTable().values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("generated %d tables, %,d rows, for %,d children (%d years to %s) in %s%n",
                summary.rowsByTable().size(), rows, settings.children(), settings.years(), settings.asAt(),
                data.dataDir().root().resolve("inbox"));
        return 0;
    }

    GeneratorSettings settings() {
        return new GeneratorSettings(children, years, seed, asAt == null ? LocalDate.now().minusDays(1) : asAt, laCode);
    }
}
