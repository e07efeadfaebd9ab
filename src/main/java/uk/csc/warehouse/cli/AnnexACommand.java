package uk.csc.warehouse.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.annexa.AnnexAExport;
import uk.csc.warehouse.annexa.AnnexATemplate;

@Command(name = "annex-a", mixinStandardHelpOptions = true,
        description = {"Write Ofsted's ILACS Annex A workbook (sheets List 1 ... List 11 and a Summary) from the",
            "published warehouse, for the window of --months months up to and including --as-at.",
            "The file holds identifiable data: it is written owner-only (rw-------), atomically, and recorded",
            "in DIR/ops/audit.csv (who, when, as-at, window, row counts; never its contents)."})
final class AnnexACommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--as-at", paramLabel = "DATE",
            description = "The date the lists describe (yyyy-mm-dd or dd/mm/yyyy); default: the newest case extract's date.")
    LocalDate asAt;

    @Option(names = "--months", paramLabel = "N", defaultValue = "6",
            description = "Length of the reporting window in months, ending on the as-at date (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the .xlsx; default DIR/out/annex_a/annex_a_<as-at>_<time>.xlsx.")
    Path out;

    @Option(names = "--template", paramLabel = "YEAR", defaultValue = AnnexATemplate.DEFAULT_VERSION,
            description = "Template year: 2024 (Gender) or 2025 (Sex); default ${DEFAULT-VALUE}.")
    String template;

    @Override
    public Integer call() throws Exception {
        AnnexAExport.Result r = AnnexAExport.fromClasspath().run(data.warehouseDir(),
                new AnnexAExport.Request(asAt, months, out, template));
        System.out.printf("annex-a: %s (template %s, as at %s, window %s to %s), %d rows, %d warning(s), %.1f s%n",
                r.file(), r.template(), r.asAt(), r.windowStart(), r.windowEnd(), r.totalRows(), r.warnings().size(),
                r.millis() / 1000.0);
        r.rowsBySheet().forEach((sheet, n) -> System.out.printf("  %-8s %,d%n", sheet, n));
        if (!r.warnings().isEmpty()) {
            System.out.println("Check before sending (also on the Summary sheet):");
            r.warnings().forEach(w -> System.out.println("  - " + w));
        }
        return 0;
    }
}
