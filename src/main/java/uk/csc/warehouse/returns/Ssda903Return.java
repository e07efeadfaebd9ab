package uk.csc.warehouse.returns;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import uk.csc.warehouse.support.DataDir;

/** Writes the SSDA903 return's CSV files for one collection year from the published warehouse. */
public final class Ssda903Return {
    public static final String NAME = "ssda903";

    public record Result(CollectionYear year, Path folder, Map<String, Long> rowsByFile, List<String> warnings,
                         long millis) {
        public long totalRows() {
            return rowsByFile.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Result write(DataDir dataDir, CollectionYear yearOrNull, Path outOrNull, Path previousOrNull) {
        throw new UnsupportedOperationException("return ssda903 is being written on branch ssda903");
    }
}
