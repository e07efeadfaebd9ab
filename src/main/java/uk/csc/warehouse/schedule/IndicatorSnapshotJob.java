package uk.csc.warehouse.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.runs.NothingToDo;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Keeps the indicator table as it stood when a month was reported: {@code DIR/history/indicator_values/<yyyy-mm>.parquet},
 * copied from the published warehouse's marts.indicator_values (opened read-only, as an analyst would). Corrections
 * later in the case system change tonight's figures but never last month's snapshot, so a figure given to a
 * board stays reproducible. An existing snapshot is never overwritten unless the request says {@code replace=true}.
 * Options: {@code month=yyyy-mm} (default: the month before today, i.e. the month just closed).
 */
public final class IndicatorSnapshotJob implements WarehouseJob {
    private static final Logger LOG = LoggerFactory.getLogger(IndicatorSnapshotJob.class);
    public static final String NAME = "indicator-snapshot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "keep marts.indicator_values as history/indicator_values/<yyyy-mm>.parquet";
    }

    public static Path folder(DataDir dataDir) {
        return dataDir.root().resolve("history").resolve("indicator_values");
    }

    @Override
    public JobResult run(JobContext ctx) throws Exception {
        DataDir dir = ctx.dataDir();
        YearMonth month = YearMonth.parse(ctx.option("month", YearMonth.from(LocalDate.now(ctx.config().timeZone()))
                .minusMonths(1).toString()));
        boolean replace = Boolean.parseBoolean(ctx.option("replace", "false"));
        Path target = folder(dir).resolve(month + ".parquet");
        if (Files.exists(target) && !replace) {
            LOG.info("snapshot for {} already kept ({}); left as it was", month, dir.root().relativize(target));
            return JobResult.ok();
        }
        if (!Files.exists(dir.warehouse())) {
            throw new NothingToDo("no published warehouse to snapshot yet (" + dir.warehouse().getFileName() + ")");
        }
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + month + ".parquet.partial");
        long rows;
        try (Connection c = DuckDb.readOnly(dir.warehouse()); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT " + Sql.literal(month.toString()) + " AS snapshot_month, now() AS snapshot_taken_at, "
                    + Sql.literal(ctx.runId()) + " AS snapshot_run_id, * FROM marts.indicator_values "
                    + "ORDER BY ALL) TO " + Sql.literal(partial) + " (FORMAT parquet)");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + Sql.literal(partial) + ")")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("kept {} indicator values for {} in {}", rows, month, dir.root().relativize(target));
        return new JobResult(rows, 0, List.of(dir.root().relativize(target).toString()), null);
    }
}
