package uk.csc.warehouse.output;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/** Writes the nightly outputs to {@code out/}: one CSV per mart a performance team reads every morning. */
public final class OutputWriter {
    private static final Logger LOG = LoggerFactory.getLogger(OutputWriter.class);

    /** File name → query over the published warehouse. */
    static final Map<String, String> OUTPUTS = new LinkedHashMap<>();

    static {
        OUTPUTS.put("front_door.csv", "SELECT * FROM marts.front_door ORDER BY period_type, period_start");
        OUTPUTS.put("indicator_values.csv",
                "SELECT * FROM marts.indicator_values ORDER BY area, indicator_code, period_type, period_start");
    }

    private OutputWriter() {}

    public static Map<Path, Long> write(DataDir dataDir) throws Exception {
        Map<Path, Long> written = new LinkedHashMap<>();
        try (Connection c = DuckDb.readOnly(dataDir.warehouse())) {
            for (Map.Entry<String, String> o : OUTPUTS.entrySet()) {
                Path target = dataDir.out().resolve(o.getKey());
                long rows = SafeCsvWriter.write(c, o.getValue(), target);
                written.put(target, rows);
                LOG.info("wrote {} ({} rows)", target, rows);
            }
        }
        return written;
    }
}
