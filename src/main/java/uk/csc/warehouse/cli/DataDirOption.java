package uk.csc.warehouse.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import uk.csc.warehouse.support.DataDir;

/** The one option every command shares: where the authority's data lives. */
final class DataDirOption {
    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
            description = "The authority's data folder: inbox/, lake/, archive/, quarantine/, reference/, "
                    + "warehouse.duckdb and out/ live here.")
    Path dir;

    DataDir dataDir() {
        return new DataDir(dir);
    }
}
