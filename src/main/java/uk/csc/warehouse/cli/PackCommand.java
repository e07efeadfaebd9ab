package uk.csc.warehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.pack.DataPack;

@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Write the annual self-evaluation data pack for a financial year to DIR/out/pack/<year>/:",
            "an Excel workbook (contents, one sheet per area with the comparison table, monthly series and",
            "native charts, definitions, data quality), the same pack as one self-contained HTML page",
            "(print it to PDF), the charts as PNG, and narrative.md: write 'what we know', 'how we know it'",
            "and 'our plans' there (created once, never overwritten) and run pack again to merge it."})
final class PackCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--year", required = true, paramLabel = "YYYY-YY", description = "Financial year, e.g. 2024-25.")
    String year;

    @Option(names = "--include-incomplete-history", description = {"Also show periods before the case extract's",
        "history is complete (first year of a look-back extract); they are left out by default."})
    boolean includeIncompleteHistory;

    @Override
    public Integer call() throws Exception {
        DataPack.Result r = DataPack.write(data.dataDir(), year, includeIncompleteHistory);
        System.out.printf("pack: %d indicators, %d charts (%.1f s)%n", r.indicators(), r.charts().size(),
                r.millis() / 1000.0);
        System.out.println("  workbook:  " + r.workbook());
        System.out.println("  page:      " + r.html());
        System.out.println("  charts:    " + r.folder().resolve("charts"));
        System.out.println("  narrative: " + r.narrative() + "  (edit, then run pack again)");
        return 0;
    }
}
