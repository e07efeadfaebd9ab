package uk.csc.warehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.comparators.ComparatorFiles;

@Command(name = "comparators", mixinStandardHelpOptions = true,
        description = {"Write comparator files for a financial year to DIR/out/comparators/<year>/: one CSV per",
            "area and one long CSV (local value, published values over the years, England, region, the",
            "statistical-neighbour mean and each neighbour's value, rank, quartile), and the outbound",
            "benchmarking file for a regional group: aggregates only, counts 1-5 suppressed as c, with",
            "secondary suppression (DfE conventions)."})
final class ComparatorsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--year", required = true, paramLabel = "YYYY-YY", description = "Financial year, e.g. 2024-25.")
    String year;

    @Option(names = "--include-incomplete-history", description = {"Also show periods before the case extract's",
        "history is complete (first year of a look-back extract); they are left out by default."})
    boolean includeIncompleteHistory;

    @Override
    public Integer call() throws Exception {
        ComparatorFiles.Result r = ComparatorFiles.write(data.dataDir(), year, includeIncompleteHistory);
        r.files().forEach((f, n) -> System.out.printf("comparators: %s (%,d rows)%n", f, n));
        return 0;
    }
}
