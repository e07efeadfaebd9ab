package uk.csc.warehouse.returns;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import uk.csc.warehouse.support.DataDir;

/** The options every return shares: where the data lives, which collection year, where the files go. */
public final class ReturnOptions {
    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
            description = "The authority's data folder (warehouse.duckdb, out/ and ops/audit.csv live here).")
    Path dir;

    @Option(names = "--year", paramLabel = "YYYY-YY",
            description = "Collection year, e.g. 2025-26 (1 April 2025 to 31 March 2026), one this build has rules "
                    + "for; default: the latest year closed at the warehouse's as-at date (cin: the year --as-at "
                    + "falls in, when given).")
    String year;

    @Option(names = "--out", paramLabel = "PATH",
            description = "Where to write the return instead of DIR/out/returns/<return>/<year>/ (ssda903: a folder "
                    + "for its CSV files; cin: the XML file).")
    Path out;

    public DataDir dataDir() {
        return new DataDir(dir);
    }

    /** The --year given, or null for the default year. */
    public CollectionYear yearOrNull() {
        return year == null ? null : CollectionYear.parse(year);
    }

    public Path outOrNull() {
        return out;
    }
}
