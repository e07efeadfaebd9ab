package uk.csc.warehouse.returns;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ssda903", mixinStandardHelpOptions = true,
        description = {"Write DfE's SSDA903 children-looked-after return (Header, Episodes, Reviews, UASC, OC2, OC3,",
            "AD1, PlacedAdoption, PrevPerm, Missing, SWEpisodes; DoLo from 2026-27) as CSV files in the columns,",
            "codes and dd/mm/yyyy dates of the collection year's specification (returns/ssda903/<year>/)."})
final class Ssda903Command implements Callable<Integer> {
    @Mixin
    ReturnOptions options;

    @Option(names = "--previous", paramLabel = "DIR",
            description = "Last year's return as sent (its CSV files), for the rules that compare years; default: "
                    + "the warehouse's own previous-year output in DIR/out/returns/ssda903/<year-1>/ if present.")
    Path previous;

    @Override
    public Integer call() throws Exception {
        Ssda903Return.Result r = new Ssda903Return().write(options.dataDir(), options.yearOrNull(),
                options.outOrNull(), previous);
        System.out.printf("return ssda903 %s: %s, %,d rows, %.1f s%n", r.year(), r.folder(), r.totalRows(),
                r.millis() / 1000.0);
        System.out.println("  previous year: " + (r.previous() == null ? "none (year-comparison rules will be skipped)"
                : r.previous()));
        r.rowsByFile().forEach((file, n) -> System.out.printf("  %-28s %,d%n", file, n));
        r.warnings().forEach(w -> System.out.println("  warning: " + w));
        return 0;
    }
}
