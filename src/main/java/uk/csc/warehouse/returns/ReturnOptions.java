package uk.csc.warehouse.returns;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.csc.warehouse.support.DataDir;

/** The options every return shares: where the data lives, which collection year, where the files go. */
public final class ReturnOptions {
    /** The return's own command (ssda903, cin): its name is the return's rules folder, returns/<name>/. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

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

    /**
     * The --year given, or null for the default year. A year without rules in this build is refused here, before
     * the warehouse is opened, naming the years there are.
     */
    public CollectionYear yearOrNull() {
        if (year == null) {
            return null;
        }
        CollectionYear y = CollectionYear.parse(year);
        String name = command.name();
        List<CollectionYear> known = ReturnYears.available(name);
        if (!known.contains(y)) {
            throw new IllegalArgumentException(ReturnYears.unknownYear(name, y, known));
        }
        return y;
    }

    public Path outOrNull() {
        return out;
    }
}
