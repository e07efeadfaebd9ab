package uk.csc.warehouse.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import uk.csc.warehouse.support.DataDir;
import uk.csc.warehouse.support.DuckDb;

/**
 * The status lines about data quality: open issues by rule in the published warehouse
 * (marts.data_quality_issues), with the change since the previous month's last build. Information only:
 * open issues never change the exit code, which is about whether the service ran. Then the warn-level data tests
 * that found rows in the last build.
 */
final class DataQualityStatus {
    static final int TOP_WARNINGS = 5;

    private DataQualityStatus() {}

    static void print(DataDir dataDir, PrintStream out) {
        for (String line : lines(dataDir)) {
            out.println(line);
        }
    }

    static List<String> lines(DataDir dataDir) {
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(dataDir.warehouse())) {
            lines.addAll(issues(dataDir));
            lines.addAll(warnings(dataDir));
        }
        return lines;
    }

    private static List<String> issues(DataDir dataDir) {
        List<String> lines = new ArrayList<>();
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from duckdb_tables() where schema_name = 'marts' "
                    + "and table_name in ('data_quality_issues', 'data_quality_summary')")) {
                rs.next();
                if (rs.getLong(1) < 2) {
                    return lines;
                }
            }
            String sql = """
                    with latest as (select max(month) as month from marts.data_quality_summary),
                    change as (
                        select rule_code, sum(change) as change, any_value(previous_month) as previous_month
                        from marts.data_quality_summary join latest using (month) group by rule_code
                    ),
                    open_now as (
                        select rule_code, any_value(severity) as severity, count(*) as open_issues,
                            any_value(as_at_date) as as_at_date
                        from marts.data_quality_issues group by rule_code
                    )
                    select open_now.rule_code, open_now.severity, open_now.open_issues, open_now.as_at_date,
                        change.change, change.previous_month
                    from open_now left join change using (rule_code)
                    order by open_now.open_issues desc, open_now.rule_code
                    """;
            long total = 0;
            List<String> rules = new ArrayList<>();
            String asAt = null;
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    total += rs.getLong(3);
                    asAt = rs.getString(4);
                    Object change = rs.getObject(5);
                    rules.add(String.format("  %-32s %-8s %7d%s", rs.getString(1), rs.getString(2), rs.getLong(3),
                            change == null ? "" : String.format("  (%+d since %s)", ((Number) change).longValue(),
                                    rs.getString(6))));
                }
            }
            lines.add(total == 0 ? "quality:  no open data-quality issues (marts.data_quality_issues)"
                    : "quality:  " + total + " open data-quality issues at " + asAt
                            + " (marts.data_quality_issues), by rule:");
            lines.addAll(rules);
        } catch (SQLException e) {
            lines.add("quality:  could not read the warehouse's data-quality issues (" + e.getMessage().lines().findFirst()
                    .orElse("") + ")");
        }
        return lines;
    }

    /**
     * The warn-severity data tests that found rows in the build that published the warehouse
     * (ops.data_test_warnings): their count and the few with most rows, so a warning is seen without opening
     * the warehouse. Published anyway, so, like the issues, they never change the exit code.
     */
    private static List<String> warnings(DataDir dataDir) {
        List<String> lines = new ArrayList<>();
        try (Connection c = DuckDb.readOnly(dataDir.warehouse()); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select count(*) from duckdb_views() where schema_name = 'ops' "
                    + "and view_name = 'data_test_warnings'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return lines;
                }
            }
            List<String> top = new ArrayList<>();
            long count = 0;
            try (ResultSet rs = st.executeQuery("select model, test, failing_rows, count(*) over () as n "
                    + "from ops.data_test_warnings order by failing_rows desc, model, test limit " + TOP_WARNINGS)) {
                while (rs.next()) {
                    count = rs.getLong(4);
                    top.add(String.format("  %-56s %7d rows", rs.getString(1) + " " + rs.getString(2), rs.getLong(3)));
                }
            }
            if (count == 0) {
                lines.add("warnings: no warn-level data test found rows in the last build (ops.data_test_warnings)");
            } else {
                lines.add("warnings: " + count + " warn-level data test(s) found rows in the last build, published anyway"
                        + (count > top.size() ? "; the " + top.size() + " with most rows" : "")
                        + " (all in ops.data_test_warnings):");
                lines.addAll(top);
            }
        } catch (SQLException e) {
            lines.add("warnings: could not read the warehouse's data test warnings (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
        return lines;
    }
}
