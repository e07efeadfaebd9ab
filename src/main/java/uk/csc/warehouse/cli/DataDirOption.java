package uk.csc.warehouse.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.csc.warehouse.support.DataDir;

/**
 * The one option every command shares: where the authority's data lives. A mistyped folder must fail, not
 * be made and "succeed" empty, so only {@code generate} (and {@code demo}, with its own option) or an
 * explicit {@code --create} makes one; commands that read the warehouse also refuse a folder without it.
 */
final class DataDirOption {
    /** Commands whose job is to make a data folder. */
    private static final Set<String> MAKERS = Set.of("generate");
    /** Commands that write into a data folder: an existing folder must look like one (or --create). */
    private static final Set<String> WRITERS = Set.of("load", "run");
    /** What any data folder holds once extracts or settings have been put in it. */
    private static final List<String> SIGNS = List.of("inbox", "lake", "warehouse.duckdb", "reference",
            "csc-warehouse.properties", "ops");

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
            description = "The authority's data folder: inbox/, lake/, archive/, quarantine/, reference/, "
                    + "warehouse.duckdb and out/ live here. It must exist (see --create).")
    Path dir;

    @Option(names = "--create",
            description = "Make DIR if it does not exist yet, for a new authority's first load; without it a "
                    + "folder that does not exist is refused, so a mistyped path cannot start an empty warehouse.")
    boolean create;

    /** The data folder, which must exist unless this command makes one or --create was given. */
    DataDir dataDir() {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(root)) {
            throw new UserError(root + " is a file, not a data folder: check --data-dir");
        }
        if (!Files.exists(root)) {
            if (!create && !MAKERS.contains(command.name())) {
                throw new UserError("there is no data folder at " + root
                        + ": check --data-dir, or add --create to start a new one there");
            }
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the data folder " + root + ": " + e.getMessage(), e);
            }
        } else if (!create && WRITERS.contains(command.name()) && SIGNS.stream().noneMatch(n -> Files.exists(root.resolve(n)))) {
            throw new UserError(root + " holds no warehouse data (no inbox/, lake/ or warehouse.duckdb): check "
                    + "--data-dir, or add --create to start a new data folder there");
        } else if ("build".equals(command.name()) && !Files.isDirectory(root.resolve("lake").resolve("_loads"))) {
            // build has nothing to read: say so, not DuckDB's "Catalog Error" about a missing table
            throw new UserError("there are no loaded extracts in " + root
                    + " (no lake/): check --data-dir, or run load there first");
        }
        return new DataDir(root);
    }

    /** The data folder of a command that reads the published warehouse (pack, comparators, annex-a). */
    DataDir warehouseDir() {
        DataDir d = dataDir();
        if (!Files.isRegularFile(d.warehouse())) {
            throw new UserError("there is no warehouse in " + d.root()
                    + ": check --data-dir, or run build (or run) there first");
        }
        return d;
    }
}
