package uk.csc.warehouse.returns.cin;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.csc.warehouse.returns.ReturnOptions;

@Command(name = "cin", mixinStandardHelpOptions = true,
        description = {"Write DfE's children in need census for one collection year as DfE's XML (Header, then one",
            "Child per child in need or referred during the year), checked against the year's XSD before it is",
            "put in place: a file the XSD refuses is not written, and the first problems name line and child.",
            "Default file: DIR/out/returns/cin/<year>/<LEA>_CIN_<year>.xml (owner-only; recorded in",
            "DIR/ops/audit.csv). --as-at takes the census as the case system stood on that day (monthly runs)."})
public final class CinCommand implements Callable<Integer> {
    @Mixin
    ReturnOptions options;

    @Option(names = "--as-at", paramLabel = "DATE",
            description = "Take the census as at this day of the year (yyyy-mm-dd); default 31 March, or the "
                    + "newest extract's date for the year in progress.")
    LocalDate asAt;

    @Override
    public Integer call() throws Exception {
        CinCensusReturn.Result r;
        try {
            r = new CinCensusReturn().write(options.dataDir(), new CinCensusReturn.Request(
                    options.yearOrNull(), asAt, options.outOrNull()));
        } catch (CinCensusReturn.InvalidCensus invalid) {
            System.err.println("return cin: " + invalid.getMessage());
            invalid.problems().forEach(p -> System.err.println("  " + p));
            return 2;
        }
        System.out.printf("return cin %s (as at %s, LEA %s): %s, %,d children, %,d bytes, valid against the %s XSD, "
                + "%.1f s%n", r.year(), r.asAt(), r.lea(), r.file(), r.children(), r.bytes(), r.year(),
                r.millis() / 1000.0);
        r.counts().forEach((k, v) -> System.out.printf("  %-24s %,d%n", k, v));
        return 0;
    }
}
