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
 * open issues never change the exit code, which is about whether the service ran.
 */
final class DataQualityStatus {
    private DataQualityStatus() {}

    static void print(DataDir dataDir, PrintStream out) {
        for (String line : lines(dataDir)) {
            out.println(line);
        }
    }

    static List<String> lines(DataDir dataDir) {
        List<String> lines = new ArrayList<>();
        if (!Files.isRegularFile(dataDir.warehouse())) {
            return lines;
        }
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
}
