package uk.csc.warehouse.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.CrashPoint;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.OwnerOnly;

/**
 * Writes the nightly outputs to {@code out/}: one CSV per mart a performance team reads every morning.
 *
 * <p>A night's files are published as one set, so a reader never finds tonight's front_door.csv beside last
 * night's indicator_values.csv: every file is written into {@code out/.staging/} first; only when all are
 * complete is the set marked ({@code .complete}, listing its files) and moved into {@code out/}. A run killed
 * while writing leaves out/ as the last night left it (the unmarked staging folder is discarded next time); a
 * run killed during the moves (microseconds) leaves a marked set, which the next run finishes moving first.
 */
public final class OutputWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutputWriter.class);
    static final String STAGING = ".staging";
    static final String COMPLETE = ".complete";

    /** File name → query over the published warehouse. */
    static final Map<String, String> OUTPUTS = new LinkedHashMap<>();

    static {
        OUTPUTS.put("front_door.csv", "SELECT * FROM marts.front_door ORDER BY period_type, period_start");
        OUTPUTS.put("indicator_values.csv",
                "SELECT * FROM marts.indicator_values ORDER BY area, indicator_code, period_type, period_start");
    }

    private OutputWriter() {}

    public static Map<Path, Long> write(DataDir dataDir) throws Exception {
        Path out = dataDir.out();
        Path staging = out.resolve(STAGING);
        recover(out);
        // The outputs describe children: out/ and every file in it owner-only, whatever the umask.
        OwnerOnly.createDirectories(out);
        OwnerOnly.createDirectories(staging);
        Map<Path, Long> written = new LinkedHashMap<>();
        try (Connection c = DuckDb.readOnly(dataDir.warehouse())) {
            for (Map.Entry<String, String> o : OUTPUTS.entrySet()) {
                long rows = SafeCsvWriter.write(c, o.getValue(), staging.resolve(o.getKey()));
                OwnerOnly.restrict(staging.resolve(o.getKey()));
                written.put(out.resolve(o.getKey()), rows);
                CrashPoint.reached("outputs.staged");
            }
        }
        Path marker = staging.resolve(COMPLETE);
        Path markerTmp = staging.resolve(COMPLETE + ".tmp");
        Files.writeString(markerTmp, String.join("\n", OUTPUTS.keySet()) + "\n", StandardCharsets.UTF_8);
        Files.move(markerTmp, marker, StandardCopyOption.ATOMIC_MOVE);
        CrashPoint.reached("outputs.before-publish");
        publish(out);
        // The nightly's caller says what was written (run/demo print an "output:" line per file, the job's log
        // line lists them): at INFO this line printed every file a second time.
        written.forEach((file, rows) -> LOG.debug("wrote {} ({} rows)", file, rows));
        return written;
    }

    /** Finishes a set a killed run had completed, or discards one it had not: before anything else touches out/. */
    static void recover(Path out) throws IOException {
        Path staging = out.resolve(STAGING);
        if (!Files.isDirectory(staging)) {
            return;
        }
        if (Files.isRegularFile(staging.resolve(COMPLETE))) {
            LOG.warn("finishing the publication of the outputs a stopped run had completed ({})", staging);
            publish(out);
        } else {
            deleteTree(staging);
        }
    }

    private static void publish(Path out) throws IOException {
        Path staging = out.resolve(STAGING);
        List<String> names = new ArrayList<>(Files.readAllLines(staging.resolve(COMPLETE), StandardCharsets.UTF_8));
        names.removeIf(String::isBlank);
        for (String name : names) {
            Path staged = staging.resolve(name);
            if (Files.exists(staged)) { // absent: moved before a kill
                Files.move(staged, out.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteTree(staging);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
