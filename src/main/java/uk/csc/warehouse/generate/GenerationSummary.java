package uk.csc.warehouse.generate;

import java.util.Map;
import java.util.TreeMap;

/** Rows written per table, keyed {@code <source>/<table>} (e.g. {@code case/ssd_person}), sorted by key. */
public record GenerationSummary(Map<String, Long> rowsByTable) {

    public GenerationSummary {
        rowsByTable = java.util.Collections.unmodifiableMap(new TreeMap<>(rowsByTable));
    }

    public long rows(String key) {
        return rowsByTable.getOrDefault(key, 0L);
    }
}
