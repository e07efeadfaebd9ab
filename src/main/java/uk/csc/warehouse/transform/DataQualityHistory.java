package uk.csc.warehouse.transform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.csc.warehouse.support.DuckDb;
import uk.csc.warehouse.support.Sql;

/**
 * Carries the data-quality history from the published warehouse to the one being built, so an issue keeps
 * the date it was first seen and the summary has a trend: ops.data_quality_first_seen (open issues and when
 * each was first found) and ops.data_quality_history (open issues per build, rule and team). Each build
 * reads the previous build's tables before its models run and replaces them with its own afterwards. The
 * published file is read through its own read-only connection, as an analyst reads it, and copied via
 * Parquet in the build's scratch folder, so it is never attached to the file being written.
 */
final class DataQualityHistory {
    private static final Logger LOG = LoggerFactory.getLogger(DataQualityHistory.class);
    private static final String FIRST_SEEN = "ops.data_quality_first_seen";
    private static final String HISTORY = "ops.data_quality_history";

    private DataQualityHistory() {}

    /** Before the models: last build's tables, or empty ones on a first install. */
    static void carry(Connection c, Path published, Path scratch) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + FIRST_SEEN + " (issue_key VARCHAR, first_seen_date DATE)");
            st.execute("CREATE TABLE " + HISTORY + " (as_at_date DATE, rule_code VARCHAR, allocated_team VARCHAR, "
                    + "open_issues BIGINT, new_issues BIGINT)");
        }
        if (!Files.isRegularFile(published)) {
            return;
        }
        Path firstSeen = scratch.resolve("dq_first_seen.parquet");
        Path history = scratch.resolve("dq_history.parquet");
        try {
            Files.createDirectories(scratch);
            boolean copied;
            try (Connection previous = DuckDb.readOnly(published); Statement st = previous.createStatement()) {
                copied = hasTable(st, "data_quality_first_seen") && hasTable(st, "data_quality_history");
                if (copied) {
                    st.execute("COPY (SELECT issue_key, first_seen_date FROM " + FIRST_SEEN + ") TO "
                            + Sql.literal(firstSeen) + " (FORMAT parquet)");
                    st.execute("COPY (SELECT as_at_date, rule_code, allocated_team, open_issues, new_issues FROM "
                            + HISTORY + ") TO " + Sql.literal(history) + " (FORMAT parquet)");
                }
            }
            if (copied) {
                try (Statement st = c.createStatement()) {
                    st.execute("INSERT INTO " + FIRST_SEEN + " SELECT * FROM read_parquet(" + Sql.literal(firstSeen) + ")");
                    st.execute("INSERT INTO " + HISTORY + " SELECT * FROM read_parquet(" + Sql.literal(history) + ")");
                }
            }
        } catch (SQLException | java.io.IOException e) {
            // Losing the history must not stop the night: the issues are still listed, first seen tonight.
            LOG.warn("data-quality history could not be read from {} ({}); first-seen dates restart at this build",
                    published.getFileName(), e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(firstSeen);
                Files.deleteIfExists(history);
            } catch (java.io.IOException ignored) {
                // scratch is cleared with the build folder
            }
        }
    }

    /** After the models: this build's open issues and counts become the next build's history. */
    static void record(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + FIRST_SEEN + " AS SELECT issue_key, first_seen_date "
                    + "FROM marts.data_quality_issues ORDER BY issue_key");
            st.execute("COMMENT ON TABLE " + FIRST_SEEN + " IS 'Every data-quality issue open at this build and the "
                    + "as-at date it was first found; the next build reads it to keep first-seen dates.'");
            st.execute("CREATE OR REPLACE TABLE " + HISTORY + " AS SELECT as_at_date, rule_code, allocated_team, "
                    + "open_issues, new_issues FROM marts.data_quality_by_build ORDER BY as_at_date, rule_code, allocated_team");
            st.execute("COMMENT ON TABLE " + HISTORY + " IS 'Open data-quality issues by build as-at date, rule and "
                    + "team, every build so far: the trend behind marts.data_quality_summary.'");
        }
    }

    private static boolean hasTable(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'ops' AND table_name = "
                + Sql.literal(table))) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
